//! Rolling-window statistics with pandas semantics (filled in by the rolling work).
