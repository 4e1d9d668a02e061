//! Which site of a comparison is best on a row: the largest area, the most power, the cheapest,
//! the nearest hub… Rows whose values are unknown for some sites compare the known ones; ties are all
//! best; a row with fewer than two known values marks nothing (there is nothing to compare).

/// Which way a row is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    /// The larger value (area, power, water, plot ratio, height, neighbours).
    More,
    /// The smaller value (price, distance, time).
    Less,
}

/// For each value of a row, whether it is the best of the row (see the module docs).
///
/// ```
/// use parkmap::sites::{best_of, Better};
/// assert_eq!(best_of(&[Some(3.0), None, Some(5.0), Some(5.0)], Better::More), [false, false, true, true]);
/// assert_eq!(best_of(&[Some(3.0), None], Better::Less), [false, false]);
/// ```
pub fn best_of(values: &[Option<f64>], better: Better) -> Vec<bool> {
    let known: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
    if known.len() < 2 {
        return vec![false; values.len()];
    }
    let best = match better {
        Better::More => known.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        Better::Less => known.iter().copied().fold(f64::INFINITY, f64::min),
    };
    // All equal: nothing stands out.
    if known.iter().all(|&v| v == best) {
        return vec![false; values.len()];
    }
    values.iter().map(|v| *v == Some(best)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheapest_and_the_nearest_are_best_when_less_is_better() {
        assert_eq!(best_of(&[Some(900.0), Some(650.0), Some(720.0)], Better::Less), [false, true, false]);
    }

    #[test]
    fn equal_values_mark_nothing_and_nan_is_ignored() {
        assert_eq!(best_of(&[Some(2.0), Some(2.0)], Better::More), [false, false]);
        assert_eq!(best_of(&[Some(f64::NAN), Some(1.0), Some(2.0)], Better::More), [false, false, true]);
    }

    #[test]
    fn ties_for_the_best_are_all_marked() {
        assert_eq!(
            best_of(&[Some(1.0), Some(4.0), Some(4.0), Some(2.0)], Better::More),
            [false, true, true, false]
        );
    }
}
