//! Wire types of subscriptions.

use serde::{Deserialize, Serialize};

/// A subscription: seats of one product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Subscription {
    pub subscription_id: String,
    pub product: String,
    pub seats: i64,
    pub assigned: i64,
    /// The row version a change must name (optimistic concurrency).
    pub version: i64,
}

impl Subscription {
    /// Seats not taken by a licence.
    pub fn available(&self) -> i64 {
        self.seats - self.assigned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn available_seats() {
        let s = Subscription {
            subscription_id: "s".into(),
            product: "P".into(),
            seats: 5,
            assigned: 3,
            version: 1,
        };
        assert_eq!(s.available(), 2);
    }
}
