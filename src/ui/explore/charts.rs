//! Bar charts drawn by the app in SVG (no chart library). Every value is also written as text next
//! to its bar, and every bar is a button (clicking one filters the map).

use leptos::prelude::*;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What the bar is (shown at its left).
    pub label: String,
    /// Its value, for the bar's length.
    pub value: f64,
    /// The value as people read it (shown at its right).
    pub text: String,
    /// CSS modifier for its colour (e.g. an industry class).
    pub class: String,
    /// Part of the current filter.
    pub active: bool,
}

/// Pixels per bar row.
const ROW_PX: f64 = 30.0;

/// A horizontal bar chart (each bar's accessible name is its visible label and value); `on_pick(i)` when bar `i` is clicked or activated from the keyboard.
#[component]
pub fn BarChart(
    /// Accessible name of the chart.
    title: String,
    /// The bars.
    bars: Vec<Bar>,
    /// Called with the bar's index.
    on_pick: Callback<usize>,
) -> impl IntoView {
    let max = bars.iter().map(|b| b.value).fold(0.0, f64::max).max(1.0);
    let height = bars.len() as f64 * ROW_PX;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let y = i as f64 * ROW_PX;
            let w = (b.value / max * 100.0).max(0.5);
            view! {
                <g class=format!("chart__bar chart__bar--{}", b.class) class:chart__bar--active=b.active
                   role="button" tabindex="0" aria-pressed=b.active.to_string()
                   on:click=move |_| on_pick.run(i)
                   on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); on_pick.run(i) }>
                    <text class="chart__label" x="0" y=format!("{:.0}", y + 12.0)>{b.label}</text>
                    <rect class="chart__rect" x="0" y=format!("{:.0}", y + 16.0) width=format!("{w:.1}%") height="10" rx="3"/>
                    <text class="chart__value" x="100%" y=format!("{:.0}", y + 12.0)>{b.text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" role="group" aria-label=title width="100%" height=format!("{height:.0}")>{rows}</svg>
    }
}
