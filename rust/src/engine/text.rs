//! The grammar of specification texts, shared by every family:
//!
//! ```text
//! spec   := call ('|' call)*                    a fallback chain, first choice first
//! call   := name group* period?                 naive, arima(0,1,1)(0,1,1)[12]
//! group  := '(' (arg (',' arg)*)? ')'
//! arg    := (key '=')? value                    1, drift=true, lambda=auto
//!         | key '=' '[' item (',' item)* ']'    fourier=[7:3,365.25:10] (value "7:3,365.25:10")
//! period := '[' value ']'                       the seasonal period
//! ```
//!
//! A combinator (a name the caller of [`parse_nested`] declares, as `best_of`) takes specs
//! in its first parentheses, then its own arguments after a `;`:
//!
//! ```text
//! nested := name '(' spec (',' spec)* (';' arg (',' arg)*)? ')' group* period?
//! ```
//!
//! Names, keys and values are runs of letters, digits and `_ . + -`; blanks between tokens are
//! ignored. This module only splits the text; each family reads its own arguments from a
//! [`Call`] and [`Call::finish`] refuses whatever it did not take, naming it.

use crate::error::{invalid, CoreResult};

/// One argument: `value` or `key=value`, with its position (0-based character offset).
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub key: Option<String>,
    pub value: String,
    pub at: usize,
}

/// One model of a spec text: its name, argument groups and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub at: usize,
    /// The bracketed groups in order; ARIMA's second group is its seasonal order.
    pub groups: Vec<Vec<Arg>>,
    pub period: Option<Arg>,
    /// A combinator's member specs, each a fallback chain; empty for any other call.
    pub members: Vec<Vec<Call>>,
}

/// How deep combinators may nest: a bound on the recursion a crafted text can cause.
pub const MAX_NESTING: usize = 8;

/// Splits a whole spec text into its calls (one, or several joined by `|`).
pub fn parse(text: &str) -> CoreResult<Vec<Call>> {
    parse_nested(text, &|_| false)
}

/// [`parse`] where the calls named by `nests` are combinators taking member specs.
pub fn parse_nested(text: &str, nests: &dyn Fn(&str) -> bool) -> CoreResult<Vec<Call>> {
    let mut p = Parser { chars: text.char_indices().collect(), i: 0, nests, depth: 0 };
    let calls = p.chain()?;
    p.blanks();
    match p.peek() {
        None => Ok(calls),
        Some(c) => p.error(&format!("expected '|' or the end, found '{c}'")),
    }
}

struct Parser<'a> {
    chars: Vec<(usize, char)>,
    i: usize,
    nests: &'a dyn Fn(&str) -> bool,
    depth: usize,
}

impl Parser<'_> {
    /// Calls joined by `|`.
    fn chain(&mut self) -> CoreResult<Vec<Call>> {
        let mut calls = vec![self.call()?];
        loop {
            self.blanks();
            if self.peek() != Some('|') {
                return Ok(calls);
            }
            self.i += 1;
            calls.push(self.call()?);
        }
    }
    /// A combinator's `(spec, spec; args)`; the args become its first group.
    fn members(&mut self, name: &str) -> CoreResult<(Vec<Vec<Call>>, Vec<Arg>)> {
        if self.depth >= MAX_NESTING {
            return self.error(&format!("combinators nest at most {MAX_NESTING} deep"));
        }
        self.expect('(')?;
        self.depth += 1;
        let mut members = Vec::new();
        loop {
            members.push(self.chain()?);
            self.blanks();
            match self.peek() {
                Some(',') => self.i += 1,
                Some(')') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok((members, Vec::new()));
                }
                Some(';') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok((members, self.items()?));
                }
                Some(c) => return self.error(&format!("expected ',', ';' or ')' after a model of {name}, found '{c}'")),
                None => return self.error(&format!("expected ',', ';' or ')' after a model of {name}, found the end")),
            }
        }
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).map(|&(_, c)| c)
    }
    fn at(&self) -> usize {
        self.chars.get(self.i).map_or_else(|| self.chars.last().map_or(0, |&(o, c)| o + c.len_utf8()), |&(o, _)| o)
    }
    fn error<T>(&self, what: &str) -> CoreResult<T> {
        invalid(format!("at position {}: {what}", self.at()))
    }
    fn blanks(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.i += 1;
        }
    }
    fn word(&mut self, what: &str) -> CoreResult<(String, usize)> {
        self.blanks();
        let at = self.at();
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || "_.+-".contains(c)) {
            self.i += 1;
        }
        if self.i == start {
            return match self.peek() {
                Some(c) => self.error(&format!("expected {what}, found '{c}'")),
                None => self.error(&format!("expected {what}, found the end")),
            };
        }
        Ok((self.chars[start..self.i].iter().map(|&(_, c)| c).collect(), at))
    }
    fn expect(&mut self, c: char) -> CoreResult<()> {
        self.blanks();
        match self.peek() {
            Some(found) if found == c => {
                self.i += 1;
                Ok(())
            }
            Some(found) => self.error(&format!("expected '{c}', found '{found}'")),
            None => self.error(&format!("expected '{c}', found the end")),
        }
    }
    fn call(&mut self) -> CoreResult<Call> {
        let (name, at) = self.word("a model name")?;
        let mut groups = Vec::new();
        let mut period = None;
        let mut members = Vec::new();
        self.blanks();
        if (self.nests)(&name.to_ascii_lowercase()) && self.peek() == Some('(') {
            let (nested, args) = self.members(&name)?;
            members = nested;
            groups.push(args);
        }
        loop {
            self.blanks();
            match self.peek() {
                Some('(') if period.is_none() => groups.push(self.group()?),
                Some('[') if period.is_none() => {
                    self.i += 1;
                    let (value, at) = self.word("a seasonal period")?;
                    self.expect(']')?;
                    period = Some(Arg { key: None, value, at });
                }
                _ => return Ok(Call { name: name.to_ascii_lowercase(), at, groups, period, members }),
            }
        }
    }
    /// A bracketed list of items (words that may hold ':'), as one value: the items joined
    /// by ','.
    fn list(&mut self) -> CoreResult<String> {
        self.expect('[')?;
        let mut items = Vec::new();
        loop {
            let mut item = self.word("a list item")?.0;
            while self.peek() == Some(':') {
                self.i += 1;
                item.push(':');
                item.push_str(&self.word("a list item")?.0);
            }
            items.push(item);
            self.blanks();
            match self.peek() {
                Some(',') => self.i += 1,
                _ => break,
            }
        }
        self.expect(']')?;
        Ok(items.join(","))
    }
    fn group(&mut self) -> CoreResult<Vec<Arg>> {
        self.expect('(')?;
        self.blanks();
        if self.peek() == Some(')') {
            self.i += 1;
            return Ok(Vec::new());
        }
        self.items()
    }
    /// Arguments up to and including the closing ')'.
    fn items(&mut self) -> CoreResult<Vec<Arg>> {
        let mut args = Vec::new();
        loop {
            let (first, at) = self.word("an argument")?;
            self.blanks();
            let arg = if self.peek() == Some('=') {
                self.i += 1;
                self.blanks();
                let value = if self.peek() == Some('[') { self.list()? } else { self.word("a value")?.0 };
                Arg { key: Some(first.to_ascii_lowercase()), value, at }
            } else {
                Arg { key: None, value: first, at }
            };
            args.push(arg);
            self.blanks();
            match self.peek() {
                Some(',') => self.i += 1,
                Some(')') => {
                    self.i += 1;
                    return Ok(args);
                }
                Some(c) => return self.error(&format!("expected ',' or ')', found '{c}'")),
                None => return self.error("expected ',' or ')', found the end"),
            }
        }
    }
}

impl Arg {
    fn refuse<T>(&self, name: &str, what: &str) -> CoreResult<T> {
        invalid(format!("at position {}: {name} must be {what}, got '{}'", self.at, self.value))
    }
    /// A count (0, 1, 2, ...).
    pub fn count(&self, name: &str) -> CoreResult<usize> {
        match self.value.parse::<usize>() {
            Ok(v) => Ok(v),
            Err(_) => self.refuse(name, "a whole number >= 0"),
        }
    }
    /// A finite number.
    pub fn number(&self, name: &str) -> CoreResult<f64> {
        match self.value.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => self.refuse(name, "a finite number"),
        }
    }
    /// `true` or `false`.
    pub fn flag(&self, name: &str) -> CoreResult<bool> {
        match self.value.to_ascii_lowercase().as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => self.refuse(name, "true or false"),
        }
    }
}

impl Call {
    /// Removes and returns the named argument `key` from any group.
    pub fn take(&mut self, key: &str) -> Option<Arg> {
        for group in &mut self.groups {
            if let Some(i) = group.iter().position(|a| a.key.as_deref() == Some(key)) {
                return Some(group.remove(i));
            }
        }
        None
    }

    /// Removes and returns the unnamed arguments of group `g` (empty if there is no such group).
    pub fn take_positional(&mut self, g: usize) -> Vec<Arg> {
        match self.groups.get_mut(g) {
            Some(group) => {
                let (unnamed, named): (Vec<Arg>, Vec<Arg>) = group.drain(..).partition(|a| a.key.is_none());
                *group = named;
                unnamed
            }
            None => Vec::new(),
        }
    }

    /// The seasonal period, which the family requires.
    pub fn take_period(&mut self) -> CoreResult<usize> {
        match self.period.take() {
            Some(p) => match p.count("the seasonal period") {
                Ok(m) if m >= 1 => Ok(m),
                _ => invalid(format!("at position {}: the seasonal period [m] must be a whole number >= 1, got '{}'", p.at, p.value)),
            },
            None => invalid(format!("at position {}: {} needs a seasonal period, as {}[12]", self.at, self.name, self.name)),
        }
    }

    /// The seasonal period if one is given, else `default`.
    pub fn take_period_or(&mut self, default: usize) -> CoreResult<usize> {
        if self.period.is_some() {
            self.take_period()
        } else {
            Ok(default)
        }
    }

    /// Refuses every argument, group and period the family did not take, naming the first.
    pub fn finish(self) -> CoreResult<()> {
        if !self.members.is_empty() {
            return invalid(format!("at position {}: {} takes no models", self.at, self.name));
        }
        if let Some(arg) = self.groups.iter().flatten().next() {
            return match &arg.key {
                Some(key) => invalid(format!("at position {}: {} takes no option '{key}'", arg.at, self.name)),
                None => invalid(format!("at position {}: {} takes no argument '{}' here", arg.at, self.name, arg.value)),
            };
        }
        if let Some(p) = self.period {
            return invalid(format!("at position {}: {} takes no seasonal period", p.at, self.name));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_groups_periods_and_fallbacks_are_split() {
        let calls = parse("arima(0,1,1)(0, 1,1)[12] | snaive[12]").expect("valid");
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].name, "arima");
        assert_eq!(calls[0].groups.len(), 2);
        assert_eq!(calls[0].groups[1][1].value, "1");
        assert_eq!(calls[0].period.as_ref().expect("period").value, "12");
        assert_eq!(calls[1].name, "snaive");
        assert_eq!(calls[1].at, 27);
        let named = parse("naive(lambda=auto, biasadj=true)").expect("valid");
        assert_eq!(named[0].groups[0][0].key.as_deref(), Some("lambda"));
        assert_eq!(parse("mean").expect("valid")[0].groups.len(), 0);
    }

    #[test]
    fn malformed_text_names_the_position() {
        for (text, at) in [("arima(0,1", 9), ("naive)", 5), ("", 0), ("snaive[12", 9), ("a(b=)", 4), ("x|", 2)] {
            let e = parse(text).expect_err(text).to_string();
            assert!(e.starts_with(&format!("at position {at}:")), "{text}: {e}");
        }
    }

    #[test]
    fn combinators_take_member_specs_then_their_arguments() {
        let nests = |name: &str| name == "best_of";
        let calls = parse_nested("best_of(arima(0,1,1)[4], auto_arima[4]|snaive[4], best_of(naive, mean); by=mase) | drift", &nests)
            .expect("valid");
        assert_eq!(calls.len(), 2);
        let best = &calls[0];
        assert_eq!(best.members.len(), 3);
        assert_eq!(best.members[0][0].groups[0].len(), 3);
        assert_eq!(best.members[1].len(), 2);
        assert_eq!(best.members[2][0].members.len(), 2);
        assert_eq!(best.groups[0][0].key.as_deref(), Some("by"));
        assert_eq!(calls[1].name, "drift");
        // Without the declaration the same text is an error, as before.
        assert!(parse("best_of(naive, mean; by=mase)").is_err());
        let deep = format!("{}naive{}", "best_of(".repeat(MAX_NESTING + 1), ")".repeat(MAX_NESTING + 1));
        assert!(parse_nested(&deep, &nests).expect_err("too deep").to_string().contains("nest at most"));
        let e = parse_nested("best_of(naive mean)", &nests).expect_err("no comma").to_string();
        assert!(e.contains("after a model of best_of"), "{e}");
        let e = parse_nested("snaive[4]", &nests).and_then(|mut c| c.remove(0).finish()).expect_err("period").to_string();
        assert!(e.contains("no seasonal period"), "{e}");
    }

    #[test]
    fn what_a_family_does_not_take_is_named() {
        let mut call = parse("snaive(drift=true)[12]").expect("valid").remove(0);
        assert_eq!(call.take_period().expect("period"), 12);
        let e = call.finish().expect_err("drift is not an option of snaive").to_string();
        assert!(e.contains("takes no option 'drift'"), "{e}");
        let call = parse("naive[4]").expect("valid").remove(0);
        assert!(call.finish().expect_err("no period").to_string().contains("no seasonal period"));
        let mut call = parse("snaive[0]").expect("valid").remove(0);
        assert!(call.take_period().is_err());
    }
}
