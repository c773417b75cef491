//! RON's parse errors in the secretary's words.
//!
//! `ron` explains a mistake in English and in the terms of its grammar
//! ("Expected opening `(` for struct `State`"). The person who has to mend a
//! file is a secretary who may have opened it in Notepad, so each error that
//! a hand edit or a cut file can cause is said in Chinese, with the names the
//! file uses kept as they are written in it. Anything rarer keeps `ron`'s own
//! words behind a Chinese lead.

use ron::Error;

/// What `ron`'s error means, in Chinese.
pub fn ron_error(error: &Error) -> String {
    match error {
        Error::Eof => "文件在这里意外结束".to_string(),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => {
            "这里应当是“(”，开始一项内容".to_string()
        }
        Error::ExpectedStructLikeEnd => "这里应当是“)”，结束这一项；或是少了逗号".to_string(),
        Error::ExpectedArray => "这里应当是“[”，开始一个列表".to_string(),
        Error::ExpectedArrayEnd => "这里应当是“]”，结束列表；或是少了逗号".to_string(),
        Error::ExpectedMap => "这里应当是“{”".to_string(),
        Error::ExpectedMapEnd => "这里应当是“}”；或是少了逗号".to_string(),
        Error::ExpectedMapColon => "这里应当是冒号“:”".to_string(),
        Error::ExpectedComma => "这里少了逗号".to_string(),
        Error::ExpectedString => "这里应当是用英文双引号括起来的文字".to_string(),
        Error::ExpectedStringEnd => "文字缺少结尾的英文双引号".to_string(),
        Error::ExpectedInteger => "这里应当是整数".to_string(),
        Error::ExpectedFloat => "这里应当是数字".to_string(),
        Error::ExpectedBoolean => "这里应当是 true 或 false".to_string(),
        Error::ExpectedOption => "这里应当是 Some(…) 或 None".to_string(),
        Error::ExpectedOptionEnd => "Some(…) 缺少结尾的“)”".to_string(),
        Error::ExpectedIdentifier => "这里应当是一个英文名称（字段名或状态名）".to_string(),
        Error::IntegerOutOfBounds => {
            "数值超出了允许的范围（天数、次数等不能是负数，也不能大得离谱）".to_string()
        }
        Error::TrailingCharacters => "文件在最后的“)”之后还有多余的内容".to_string(),
        Error::UnclosedBlockComment => "注释“/*”没有用“*/”结束".to_string(),
        // A control character is written as an escape, never sent raw.
        Error::UnexpectedChar(c) => format!("这里不应出现“{}”", c.escape_debug()),
        Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!("没有“{found}”这个名称，可用的有：{}", expected.join("、")),
        Error::NoSuchStructField {
            expected, found, ..
        } => format!("没有“{found}”这个字段，可用的有：{}", expected.join("、")),
        Error::DuplicateStructField { field, .. } => format!("字段“{field}”写了两次"),
        Error::MissingStructField { field, .. } => format!("缺少字段“{field}”"),
        Error::ExceededRecursionLimit => "括号嵌套得太深".to_string(),
        // Messages of our own, such as a date that is not on the calendar.
        Error::Message(message) => message.clone(),
        other => format!("格式有误（{other}）"),
    }
}

/// What the system said when a file could not be read or written, in the
/// secretary's words; the system's own text follows for whoever fixes it.
pub fn io_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let said = match error.kind() {
        K::NotFound => "找不到这个文件或文件夹",
        K::PermissionDenied => "没有读写它的权限",
        K::AlreadyExists => "已有同名的文件，而这里需要的是文件夹",
        K::IsADirectory => "这里是一个文件夹，而不是文件",
        K::NotADirectory => "路径中的某一段是文件，而不是文件夹",
        K::StorageFull => "磁盘已满",
        K::ReadOnlyFilesystem => "这个磁盘只能读、不能写",
        K::InvalidData => "内容无法处理",
        _ => "系统报告了一个错误",
    };
    format!("{said}（{error}）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_status_lists_the_names_there_are() {
        let error: ron::error::SpannedError =
            ron::from_str::<crate::model::Status>("Finished").unwrap_err();
        let said = ron_error(&error.code);
        assert!(said.contains("Finished"), "{said}");
        assert!(
            said.contains("NotStarted、InProgress、Lagging、Done"),
            "{said}"
        );
    }
}
