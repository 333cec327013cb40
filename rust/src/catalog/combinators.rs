//! The text of the specs made of other specs (`crate::combine`): `best_of(a, b; by = mase,
//! h = 12, windows = 3, step = 12)`, `mean_of(a, b)`, `median_of(a, b)` and `conformal(a; h =
//! 12, windows = 3)`. Members are any spec texts, fallback chains and combinators included.

use super::{Family, ModelSpec};
use crate::combine::best::{BestOf, Score};
use crate::combine::conformal::Conformal;
use crate::combine::mean::{Combine, How, MAX_MEMBERS};
use crate::engine::text::{Arg, Call};
use crate::error::{invalid, CoreResult};

/// Whether `name` is a combinator, whose first parentheses hold member specs.
pub(super) fn is_name(name: &str) -> bool {
    matches!(name, "best_of" | "mean_of" | "median_of" | "conformal")
}

fn count_at_least_one(arg: &Arg, name: &str) -> CoreResult<usize> {
    match arg.count(name)? {
        0 => invalid(format!("at position {}: {name} must be >= 1, got 0", arg.at)),
        v => Ok(v),
    }
}

fn take_count(call: &mut Call, key: &str, default: Option<usize>) -> CoreResult<usize> {
    match (call.take(key), default) {
        (Some(arg), _) => count_at_least_one(&arg, key),
        (None, Some(v)) => Ok(v),
        (None, None) => invalid(format!("at position {}: {} needs {key}=, as {}(naive, mean; {key}=12)", call.at, call.name, call.name)),
    }
}

/// The family of a combinator call.
pub(super) fn from_call(mut call: Call) -> CoreResult<Family> {
    let members = std::mem::take(&mut call.members)
        .into_iter()
        .map(ModelSpec::from_calls)
        .collect::<CoreResult<Vec<ModelSpec>>>()?;
    if members.is_empty() {
        return invalid(format!("at position {}: {} needs models in its parentheses, as {}(naive, mean)", call.at, call.name, call.name));
    }
    if members.len() > MAX_MEMBERS {
        return invalid(format!("at position {}: {} takes at most {MAX_MEMBERS} models, got {}", call.at, call.name, members.len()));
    }
    let family = match call.name.as_str() {
        "best_of" => {
            let by = match call.take("by") {
                Some(arg) => Score::from_name(&arg.value).ok_or_else(|| {
                    crate::error::CoreError::InvalidArgument(format!(
                        "at position {}: by must be one of {}, got '{}'",
                        arg.at,
                        Score::NAMES.join(", "),
                        arg.value
                    ))
                })?,
                None => Score::Mase,
            };
            let h = take_count(&mut call, "h", None)?;
            let windows = take_count(&mut call, "windows", Some(1))?;
            let step = take_count(&mut call, "step", Some(h))?;
            let period = members.iter().map(ModelSpec::period).max().unwrap_or(1);
            Family::BestOf(BestOf { members, by, h, windows, step, period })
        }
        "mean_of" | "median_of" => {
            let how = if call.name == "mean_of" { How::Mean } else { How::Median };
            Family::Combine(Combine { members, how })
        }
        _ => {
            if members.len() != 1 {
                return invalid(format!("at position {}: conformal takes one model, got {}", call.at, members.len()));
            }
            let h = take_count(&mut call, "h", Some(1))?;
            let windows = take_count(&mut call, "windows", Some(2))?;
            if windows < 2 {
                return invalid(format!("at position {}: conformal needs windows >= 2, got {windows}", call.at));
            }
            let member = Box::new(members.into_iter().next().expect("one member"));
            Family::Conformal(Conformal { member, h, windows })
        }
    };
    call.finish()?;
    Ok(family)
}

fn joined(members: &[ModelSpec]) -> String {
    members.iter().map(ModelSpec::to_string).collect::<Vec<_>>().join(",")
}

/// The canonical text of a combinator family; `None` for any other.
pub(super) fn to_text(family: &Family) -> Option<String> {
    Some(match family {
        Family::BestOf(b) => {
            format!("best_of({};by={},h={},windows={},step={})", joined(&b.members), b.by.name(), b.h, b.windows, b.step)
        }
        Family::Combine(c) => format!("{}({})", c.how.name(), joined(&c.members)),
        Family::Conformal(c) => format!("conformal({};h={},windows={})", c.member, c.h, c.windows),
        _ => return None,
    })
}
