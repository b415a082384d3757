//! Needle depth against the skin: a cross-section of facial skin drawn to scale (epidermis, dermis,
//! fat, with a shaded band where a layer's end varies across the face), each needle as a numbered
//! column from its shortest to its longest setting, and a key beside it that says every figure in
//! words with its source. It only draws what `core::skin_depth` laid out; the facts stay as text.

use yew::prelude::*;

use super::fact_list::SourceLine;
use super::plan_timeline::pct;
use crate::app::{use_setup, use_texts};
use crate::core::catalog::{Fact, SkinLayer, Treatment};
use crate::core::skin_depth::{drawn, page_needles as core_page_needles, skin_picture, FULL};
use crate::core::wording::mm_range;

/// One needle to draw: a treatment's name and its depth setting (hundredths of a millimetre).
#[derive(Clone, PartialEq)]
pub struct Needle {
    pub name: String,
    pub depth: (u16, u16),
    /// The treatment the page is about, drawn and named as such.
    pub current: bool,
}

impl Needle {
    /// A treatment's needle, when the picture draws it (`core::skin_depth::drawn`).
    pub fn of(tr: &Treatment, current: bool) -> Option<Needle> {
        let d = tr.needle_depth.as_ref().filter(|_| drawn(tr))?;
        Some(Needle { name: tr.name.clone(), depth: (d.min_hundredths_mm, d.max_hundredths_mm), current })
    }
}

/// The needles a treatment page shows (`core::skin_depth::page_needles`), its own marked.
pub fn page_needles(catalog: &crate::core::catalog::Catalog, tr: &Treatment) -> Vec<Needle> {
    core_page_needles(catalog, tr).into_iter().filter_map(|t| Needle::of(t, t.id == tr.id)).collect()
}

/// The facts the picture states, for the page's source line.
pub fn skin_facts(catalog: &crate::core::catalog::Catalog) -> Vec<Fact> {
    catalog.skin.iter().flat_map(|s| [s.note.clone(), s.face.fact.clone()].into_iter().chain(s.concerns.iter().map(|c| c.fact.clone()))).collect()
}

/// Micrometres in millimetres to the hundredth, as the text says them (63 µm is "0.06 mm").
fn um_mm(low: u32, high: u32) -> String {
    let hundredths = |um: u32| ((um + 5) / 10).min(u32::from(u16::MAX)) as u16;
    mm_range(hundredths(low), hundredths(high))
}

#[derive(Properties, PartialEq)]
pub struct SkinDepthProps {
    pub needles: Vec<Needle>,
}

#[component]
pub fn SkinDepth(props: &SkinDepthProps) -> Html {
    let setup = use_setup();
    let t = use_texts();
    let (Some(skin), false) = (setup.catalog.skin.as_ref(), props.needles.is_empty()) else { return Html::default() };
    let face = &skin.face;
    let depths: Vec<(u16, u16)> = props.needles.iter().map(|n| n.depth).collect();
    let p = skin_picture(face, &depths);

    let layer = |l: SkinLayer| t.get(&format!("skin.layer.{}", l.id())).to_string();
    let epidermis = um_mm(face.epidermis_um.0, face.epidermis_um.1);
    let dermis = um_mm(face.dermis_um.0, face.dermis_um.1);
    let needle_line = |i: usize, n: &Needle| {
        let key = if n.current { "skin.needle_current" } else { "skin.needle" };
        t.fill(key, &[("n", &(i + 1).to_string()), ("name", &n.name), ("depth", &mm_range(n.depth.0.min(n.depth.1), n.depth.0.max(n.depth.1)))])
    };
    // Concerns grouped by the layer they sit in, in the catalog's order.
    let concerns_in = |l: SkinLayer| -> Vec<String> {
        skin.concerns.iter().filter(|c| c.layer == l).filter_map(|c| setup.catalog.concern(&c.concern)).map(|c| c.name.clone()).collect()
    };
    let placed: Vec<String> = [SkinLayer::Epidermis, SkinLayer::Dermis, SkinLayer::Fat]
        .into_iter()
        .filter_map(|l| {
            let names = concerns_in(l);
            (!names.is_empty()).then(|| t.fill(&format!("skin.concerns_in.{}", l.id()), &[("concerns", &names.join("; "))]))
        })
        .collect();
    let name = t.fill(
        "skin.picture",
        &[
            ("epidermis", &epidermis),
            ("dermis", &dermis),
            ("needles", &props.needles.iter().enumerate().map(|(i, n)| needle_line(i, n)).collect::<Vec<_>>().join("; ")),
            ("concerns", &placed.join(" ")),
        ],
    );
    // Needle columns share the right-hand part of the picture; layer names sit at the left.
    const NEEDLES_FROM: i32 = 3_800;
    let column = |i: usize| NEEDLES_FROM + ((2 * i as i32 + 1) * (FULL - NEEDLES_FROM)) / (2 * props.needles.len() as i32);
    let middle = |a: i32, b: i32| pct((a + b) / 2);
    let (_, epi_hi) = p.epidermis_ends;
    let (der_lo, der_hi) = p.dermis_ends;
    html! {
        <section class="tw-skin-depth">
            <h4 class="tw-section-title">{ t.get("skin.title") }</h4>
            <div class="tw-skin">
                // One picture for assistive technology, its name saying every figure; the key and
                // the facts below say the same as text.
                <figure class="tw-skin-figure" role="img" aria-label={name}
                    data-end-um={p.end_um.to_string()} data-epidermis-um={format!("{}-{}", face.epidermis_um.0, face.epidermis_um.1)}
                    data-dermis-um={format!("{}-{}", face.dermis_um.0, face.dermis_um.1)}>
                    <svg class="tw-skin-axis" width="60" height="264" focusable="false">
                        <svg class="tw-skin-axis-plot" y="24" width="60" height="240">
                            { for p.ticks.iter().enumerate().map(|(i, &(um, at))| html! {
                                <g class={classes!("tw-skin-tick", (i % 2 == 1).then_some("tw-skin-tick-odd"))} data-um={um.to_string()}>
                                    <line x1="52" x2="60" y1={pct(at)} y2={pct(at)} />
                                    <text x="48" y={pct(at)} text-anchor="end" dominant-baseline="middle">{ um_mm(um, um) }</text>
                                </g>
                            }) }
                        </svg>
                    </svg>
                    <svg class="tw-skin-svg" height="264" focusable="false">
                        <text class="tw-skin-layer-name" x="6" y="16">{ layer(SkinLayer::Epidermis) }</text>
                        { for props.needles.iter().enumerate().map(|(i, n)| html! {
                            <text class={classes!("tw-skin-number", n.current.then_some("tw-skin-current"))} x={pct(column(i))} y="16" text-anchor="middle">{ (i + 1).to_string() }</text>
                        }) }
                        <svg class="tw-skin-plot" y="24" width="100%" height="240">
                            <rect class="tw-skin-epidermis" x="0" y="0" width="100%" height={pct(epi_hi.max(40))} />
                            <rect class="tw-skin-dermis" x="0" y={pct(epi_hi.max(40))} width="100%" height={pct(der_lo - epi_hi.max(40))} />
                            <rect class="tw-skin-varies" x="0" y={pct(der_lo)} width="100%" height={pct(der_hi - der_lo)} />
                            <rect class="tw-skin-fat" x="0" y={pct(der_hi)} width="100%" height={pct(FULL - der_hi)} />
                            <line class="tw-skin-edge" x1="0" x2="100%" y1={pct(der_lo)} y2={pct(der_lo)} />
                            <line class="tw-skin-edge" x1="0" x2="100%" y1={pct(der_hi)} y2={pct(der_hi)} />
                            <line class="tw-skin-surface" x1="0" x2="100%" y1="0" y2="0" />
                            <text class="tw-skin-layer-name" x="6" y={middle(epi_hi, der_lo)} dominant-baseline="middle">{ layer(SkinLayer::Dermis) }</text>
                            <text class="tw-skin-layer-name" x="6" y={middle(der_hi, FULL)} dominant-baseline="middle">{ layer(SkinLayer::Fat) }</text>
                            { for props.needles.iter().zip(&p.needles).enumerate().map(|(i, (n, &(lo, hi)))| html! {
                                <g class={classes!("tw-skin-needle", n.current.then_some("tw-skin-current"))}
                                    data-min={n.depth.0.min(n.depth.1).to_string()} data-max={n.depth.0.max(n.depth.1).to_string()}>
                                    <line class="tw-skin-shaft" x1={pct(column(i))} x2={pct(column(i))} y1="0" y2={pct(hi)} />
                                    <line class="tw-skin-reach" x1={pct(column(i))} x2={pct(column(i))} y1={pct(lo)} y2={pct(hi)} />
                                </g>
                            }) }
                        </svg>
                    </svg>
                </figure>
                <div class="tw-skin-key">
                    <ol class="tw-skin-needles">
                        { for props.needles.iter().enumerate().map(|(i, n)| html! {
                            <li class={classes!(n.current.then_some("tw-skin-current"))}>{ needle_line(i, n) }</li>
                        }) }
                    </ol>
                    <ul class="tw-skin-layers">
                        <li>{ t.fill("skin.key.epidermis", &[("thickness", &epidermis)]) }</li>
                        <li>{ t.fill("skin.key.dermis", &[("thickness", &dermis)]) }</li>
                        <li>{ t.get("skin.key.varies") }</li>
                        <li>{ t.get("skin.key.fat") }</li>
                        { for placed.iter().map(|line| html! { <li>{ line }</li> }) }
                    </ul>
                </div>
            </div>
            <ul class="tw-facts tw-skin-facts">
                <li>{ &skin.note.text }</li>
                <li>{ &face.fact.text }</li>
                { for skin.concerns.iter().map(|c| html! { <li>{ &c.fact.text }</li> }) }
            </ul>
            <SourceLine facts={skin_facts(&setup.catalog)} />
        </section>
    }
}
