//! Finding dates in text and normalising them to ISO values with a granularity.
