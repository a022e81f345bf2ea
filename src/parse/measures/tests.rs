//! Measure extraction tests on snippets.
