//! The model's form: error, trend (possibly damped) and season, R's letters and its
//! `method` string.

use crate::error::{invalid, CoreResult};

/// One component's type: R's "N", "A" or "M".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Component {
    None,
    Additive,
    Multiplicative,
}

impl Component {
    pub fn letter(self) -> char {
        match self {
            Component::None => 'N',
            Component::Additive => 'A',
            Component::Multiplicative => 'M',
        }
    }

    fn from_letter(c: char) -> Option<Option<Component>> {
        match c.to_ascii_uppercase() {
            'N' => Some(Some(Component::None)),
            'A' => Some(Some(Component::Additive)),
            'M' => Some(Some(Component::Multiplicative)),
            'Z' => Some(None),
            _ => None,
        }
    }
}

/// A fully specified model, e.g. ETS(M,Ad,M).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub error: Component,
    pub trend: Component,
    pub damped: bool,
    pub season: Component,
}

impl Form {
    /// R's `method` string: `ETS(M,Ad,M)`.
    pub fn label(&self) -> String {
        format!(
            "ETS({},{}{},{})",
            self.error.letter(),
            self.trend.letter(),
            if self.damped { "d" } else { "" },
            self.season.letter()
        )
    }

    /// Number of states: level, growth when trended, `m` seasonal states when seasonal.
    pub fn n_states(&self, m: usize) -> usize {
        1 + usize::from(self.trend != Component::None) + if self.season != Component::None { m } else { 0 }
    }
}

/// R's `model` argument: three letters, `Z` (`None` here) letting `ets` choose, and its
/// `damped` argument (`None` for R's NULL: both tried).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    pub error: Option<Component>,
    pub trend: Option<Component>,
    pub season: Option<Component>,
    pub damped: Option<bool>,
}

impl Request {
    /// `ets(y)`'s default: `model = "ZZZ"`, `damped = NULL`.
    pub fn auto() -> Request {
        Request {
            error: None,
            trend: None,
            season: None,
            damped: None,
        }
    }

    /// Reads R's three-letter codes, also with `d` after the trend ("MAdM" means trend A
    /// with `damped = TRUE`).
    pub fn parse(code: &str) -> CoreResult<Request> {
        let chars: Vec<char> = code.chars().collect();
        let (letters, damped) = match chars.len() {
            3 => ([chars[0], chars[1], chars[2]], None),
            4 if chars[2] == 'd' => ([chars[0], chars[1], chars[3]], Some(true)),
            _ => {
                return invalid(format!(
                    "model: expected three letters such as \"MAM\" or \"MAdM\", got \"{code}\""
                ))
            }
        };
        let names = ["error", "trend", "season"];
        let mut parts = [None; 3];
        for (k, c) in letters.iter().enumerate() {
            match Component::from_letter(*c) {
                Some(p) => parts[k] = p,
                None => return invalid(format!("model: invalid {} type '{c}' in \"{code}\"", names[k])),
            }
        }
        if parts[0] == Some(Component::None) {
            return invalid(format!("model: invalid error type 'N' in \"{code}\""));
        }
        if damped == Some(true) && parts[1] == Some(Component::None) {
            return invalid(format!("damped: a damped trend needs a trend, not 'N' in \"{code}\""));
        }
        Ok(Request {
            error: parts[0],
            trend: parts[1],
            season: parts[2],
            damped,
        })
    }

    /// True when nothing is left to choose.
    pub fn is_fixed(&self) -> bool {
        self.error.is_some() && self.trend.is_some() && self.season.is_some()
    }
}
