//! Small function components. They render what they are given and report what the visitor did;
//! none of them holds business rules.

pub mod about;
pub mod booking_link;
pub mod candidate;
pub mod compare;
pub mod concern_finder;
pub mod course_chart;
pub mod course_quotes;
pub mod disclaimer;
pub mod disclosure;
pub mod downtime_scale;
pub mod estimate_form;
pub mod estimate_results;
pub mod estimate_wording;
pub mod estimator;
pub mod expect;
pub mod fact_list;
pub mod faq;
pub mod header;
pub mod home;
pub mod myths;
pub mod plan_timeline;
pub mod sources;
pub mod treatment_detail;
pub mod treatment_list;
pub mod view_frame;
pub mod year_compare;
