//! The domain: the key-task list, its units and roles, and what the secretary records.
//!
//! Nothing here knows about files or terminals; [`crate::storage`] reads and writes
//! these types, and [`crate::ui`] draws them.

mod meeting;
mod merge;
mod state;
mod status;
mod task_list;
mod validate;

pub use meeting::{Meeting, parse_date, week_label};
pub use merge::merge;
pub use state::{Standing, State, Update};
pub use status::Status;
pub use task_list::{Assignment, Category, Role, Task, TaskList, UnitCount};
pub use validate::{Place, Problem, validate, validate_state};
