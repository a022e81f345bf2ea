//! Metadata tests on snippets.
