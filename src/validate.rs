//! Rules a whole park bundle must follow (placeholder until the validator lands).
