//! Speed of the date scanner on ~50 MB of generated English text with dates,
//! counts and codes mixed in. Run with
//! `cargo run --release --no-default-features --example dates_speed`.

use std::time::Instant;

use corpus_explorer::extract::dates::find_dates;

/// Ordinary prose, some sentences with dates, some with numbers that are not dates.
const SENTENCES: &[&str] = &[
    "The committee met again to discuss the report, but no decision was reached before the recess.",
    "Witnesses described the scene in detail, and several of them asked not to be named.",
    "The ministry said it would respond to the allegations once the inquiry had concluded.",
    "Local officials, speaking on condition of anonymity, confirmed that talks had stalled.",
    "On March 3, 1999 the first convoy reached the camp after a three-day journey.",
    "Fighting resumed on 14 May 2012, according to a statement from the regional council.",
    "The company was founded in 1968 and expanded rapidly during the 1980s.",
    "Some 2,000 people gathered outside; police said 1500 members had registered.",
    "Call 020 7946 0958 or write to Room 1999, No. 17, before 20:15 on weekdays.",
    "Between 2003 and 2005, prices rose by 12% and output fell to 1,968 tonnes.",
    "The data, published on 2016-06-21, cover the period from 1979 to 1983.",
    "In the mid-1990s the union had about 40 branches and an annual budget of $1968.",
];

fn generate(target_bytes: usize) -> String {
    let mut text = String::with_capacity(target_bytes + 200);
    // A fixed linear congruential sequence: the same text on every run.
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    while text.len() < target_bytes {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let pick = (state >> 33) as usize;
        // Two in three sentences are plain prose, as in most documents.
        let index = if pick.is_multiple_of(3) {
            pick / 3 % SENTENCES.len()
        } else {
            pick % 4
        };
        text.push_str(SENTENCES[index]);
        text.push(if pick.is_multiple_of(7) { '\n' } else { ' ' });
    }
    text
}

fn main() {
    let text = generate(50 * 1024 * 1024);
    let megabytes = text.len() as f64 / (1024.0 * 1024.0);
    let mut best = f64::INFINITY;
    let mut count = 0;
    for _ in 0..3 {
        let started = Instant::now();
        count = find_dates(&text).len();
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!("text: {megabytes:.1} MB, {count} date mentions");
    println!(
        "find_dates: {:.3} s, {:.0} MB/s (best of 3, one core)",
        best,
        megabytes / best
    );
}
