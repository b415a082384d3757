//! The clinic's look: its colours turned into a palette that stays readable (WCAG AA) whatever
//! colours the clinic picks, its font, corner radius, density and light or dark scheme. Everything
//! here ends up in a stylesheet, so only values built from checked parts (hex digits, numbers,
//! font names of letters, digits and spaces) ever reach it.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Accepts `#rgb` or `#rrggbb` only: the value ends up in a stylesheet, so nothing else may pass.
    pub fn parse_hex(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            3 => {
                let d: Vec<u8> = hex.bytes().map(|b| (b as char).to_digit(16).unwrap_or(0) as u8).collect();
                Some(Rgb(d[0] * 17, d[1] * 17, d[2] * 17))
            }
            6 => Some(Rgb(channel(&hex[0..2])?, channel(&hex[2..4])?, channel(&hex[4..6])?)),
            _ => None,
        }
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance as WCAG 2.1 defines it.
    pub fn luminance(self) -> f64 {
        fn lin(c: u8) -> f64 {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// Mixes towards `other` by `percent` (0..=100).
    pub fn mix(self, other: Rgb, percent: u8) -> Rgb {
        let p = u16::from(percent.min(100));
        let m = |a: u8, b: u8| ((u16::from(a) * (100 - p) + u16::from(b) * p + 50) / 100) as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

pub const WHITE: Rgb = Rgb(255, 255, 255);
pub const INK: Rgb = Rgb(0x1a, 0x1d, 0x21);

/// Normal text needs 4.5:1 (WCAG 2.1 AA, 1.4.3).
pub const AA_TEXT: f64 = 4.5;

pub const BLACK: Rgb = Rgb(0, 0, 0);
/// Non-text contrast for borders and focus rings (WCAG 2.1 AA, 1.4.11).
pub const AA_NON_TEXT: f64 = 3.0;

/// Moves `color` towards black or white, whichever `against` contrasts more with, until it
/// reaches `ratio` against `against` (it always can: one of black and white is at least 4.58:1
/// from any colour).
fn until_contrast(color: Rgb, against: Rgb, ratio: f64) -> Rgb {
    let target = if contrast(BLACK, against) >= contrast(WHITE, against) { BLACK } else { WHITE };
    let mut c;
    for step in 0..=20u8 {
        c = color.mix(target, step * 5);
        if contrast(c, against) >= ratio {
            return c;
        }
    }
    target
}

/// Every colour the stylesheet uses, each checked against what it is drawn on.
#[derive(Clone, Debug, PartialEq)]
pub struct Colors {
    pub accent: Rgb,
    pub on_accent: Rgb,
    pub accent_text: Rgb,
    pub accent_soft: Rgb,
    pub ink: Rgb,
    pub muted: Rgb,
    pub line: Rgb,
    pub surface: Rgb,
    pub paper: Rgb,
    pub warn_bg: Rgb,
    pub warn_ink: Rgb,
    pub focus: Rgb,
}

/// A colour the clinic chose that had to change to stay readable.
#[derive(Clone, Debug, PartialEq)]
pub struct Adjusted {
    pub what: &'static str,
    pub chosen: Rgb,
    pub against: Rgb,
    pub ratio: f64,
    pub used: Rgb,
}

impl Colors {
    /// A palette from the clinic's primary, text and background colours. Text is darkened or
    /// lightened to 4.5:1 on the background if it falls short (and reported); everything else is
    /// derived to meet its own ratio.
    pub fn derive(primary: Rgb, text: Rgb, background: Rgb) -> (Colors, Vec<Adjusted>) {
        let mut adjusted = Vec::new();
        let paper = background;
        let ink = if contrast(text, paper) >= AA_TEXT {
            text
        } else {
            let used = until_contrast(text, paper, AA_TEXT);
            adjusted.push(Adjusted { what: "text", chosen: text, against: paper, ratio: contrast(text, paper), used });
            used
        };
        let dark = paper.luminance() < 0.2;
        // A faint tint of the text for cards, only as far as the text stays readable on it.
        let surface = [if dark { 8 } else { 4 }, 2, 0].into_iter().map(|p| paper.mix(ink, p)).find(|s| contrast(ink, *s) >= AA_TEXT).unwrap_or(paper);

        let line = {
            let mut l = paper.mix(ink, 30);
            for p in (30..=100).step_by(5) {
                l = paper.mix(ink, p as u8);
                if contrast(l, paper) >= AA_NON_TEXT {
                    break;
                }
            }
            l
        };
        // Buttons: keep the clinic's colour unless neither light nor dark text reads on it.
        let mut accent = primary;
        if contrast(accent, WHITE) < AA_TEXT && contrast(accent, INK) < AA_TEXT {
            let used = until_contrast(primary, if contrast(primary, WHITE) > contrast(primary, INK) { WHITE } else { INK }, AA_TEXT);
            accent = used;
        }
        let on_accent = if contrast(accent, WHITE) >= contrast(accent, INK) { WHITE } else { INK };
        let accent_soft = [if dark { 18 } else { 10 }, 6, 3, 0].into_iter().map(|p| paper.mix(primary, p)).find(|s| contrast(ink, *s) >= AA_TEXT).unwrap_or(paper);
        // Secondary text: as soft as it can be while it reads on the paper, the cards and the tint.
        let muted = (0..=9u8)
            .rev()
            .map(|step| ink.mix(paper, step * 5))
            .find(|c| [paper, surface, accent_soft].iter().all(|bg| contrast(*c, *bg) >= AA_TEXT))
            .unwrap_or(ink);
        // Accent-coloured text must read on the paper, the surface and the soft tint alike.
        // Moved, if it must be, the way the text colour lies (darker on light paper, lighter on
        // dark): the text itself reads on all three, so this always ends readable on all three.
        let toward = if ink.luminance() < paper.luminance() { BLACK } else { WHITE };
        let accent_text = (0..=20u8)
            .map(|step| primary.mix(toward, step * 5))
            .find(|c| [paper, surface, accent_soft].iter().all(|bg| contrast(*c, *bg) >= AA_TEXT))
            .unwrap_or(ink);
        // Reported when the clinic's own pair (its primary on its background) falls short; a
        // small shift for the tinted cards is made quietly.
        if contrast(primary, paper) < AA_TEXT {
            adjusted.push(Adjusted { what: "primary", chosen: primary, against: paper, ratio: contrast(primary, paper), used: accent_text });
        }
        let (warn_bg, warn_ink) = if dark { (Rgb(0x3a, 0x2c, 0x0c), Rgb(0xff, 0xdc, 0x9a)) } else { (Rgb(0xff, 0xf7, 0xe6), Rgb(0x6b, 0x45, 0x00)) };
        let focus_default = if dark { Rgb(0x93, 0xc5, 0xfd) } else { Rgb(0x1d, 0x4e, 0xd8) };
        let focus = if contrast(focus_default, paper) >= AA_NON_TEXT { focus_default } else { until_contrast(focus_default, paper, AA_NON_TEXT) };
        (Colors { accent, on_accent, accent_text, accent_soft, ink, muted, line, surface, paper, warn_bg, warn_ink, focus }, adjusted)
    }

    fn css(&self) -> String {
        let pairs = [
            ("accent", self.accent),
            ("on-accent", self.on_accent),
            ("accent-text", self.accent_text),
            ("accent-soft", self.accent_soft),
            ("ink", self.ink),
            ("muted", self.muted),
            ("line", self.line),
            ("surface", self.surface),
            ("paper", self.paper),
            ("warn-bg", self.warn_bg),
            ("warn-ink", self.warn_ink),
            ("focus", self.focus),
        ];
        pairs.iter().map(|(name, c)| format!("--tw-{name}:{};", c.to_hex())).collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
    /// Follows the visitor's device setting.
    Auto,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Density {
    Comfortable,
    Compact,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Font {
    /// The widget's own system font stack.
    System,
    /// The host page's font.
    Inherit,
    /// Font family names, each of letters, digits, spaces, `-` and `_`.
    Families(Vec<String>),
}

impl Font {
    /// Reads "inherit", "system" or a comma-separated list of family names. `None` for anything
    /// else (which could smuggle CSS).
    pub fn parse(text: &str) -> Option<Font> {
        match text.trim() {
            "inherit" => Some(Font::Inherit),
            "system" | "" => Some(Font::System),
            list => {
                let names: Vec<String> = list.split(',').map(|n| n.trim().trim_matches(['"', '\'']).trim().to_string()).collect();
                let ok = names.len() <= 6
                    && names.iter().all(|n| !n.is_empty() && n.len() <= 40 && n.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-' || c == '_'));
                ok.then_some(Font::Families(names))
            }
        }
    }

    fn css(&self) -> Option<String> {
        const GENERIC: [&str; 5] = ["serif", "sans-serif", "monospace", "system-ui", "cursive"];
        match self {
            Font::System => None,
            Font::Inherit => Some("font-family:inherit;".into()),
            Font::Families(names) => {
                let list: Vec<String> = names.iter().map(|n| if GENERIC.contains(&n.as_str()) { n.clone() } else { format!("\"{n}\"") }).collect();
                Some(format!("font-family:{},system-ui,sans-serif;", list.join(",")))
            }
        }
    }
}

/// The clinic's whole look.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub light: Colors,
    pub dark: Colors,
    pub scheme: Scheme,
    pub font: Font,
    /// Corner radius in pixels, 0 to 24.
    pub radius: u8,
    pub density: Density,
}

pub const DEFAULT_PRIMARY: Rgb = Rgb(0x0f, 0x76, 0x6e);
pub const DEFAULT_DARK_PAPER: Rgb = Rgb(0x16, 0x18, 0x1d);
pub const DEFAULT_DARK_INK: Rgb = Rgb(0xec, 0xef, 0xf3);

impl Theme {
    /// The default look with the clinic's primary colour.
    pub fn with_primary(primary: Rgb) -> Theme {
        Theme::new(primary, None, None, Scheme::Light, Font::System, 12, Density::Comfortable).0
    }

    /// `text` and `background` are the clinic's colours for its scheme (for `Auto`, the light
    /// one; the dark one is derived from the widget's dark defaults).
    pub fn new(primary: Rgb, text: Option<Rgb>, background: Option<Rgb>, scheme: Scheme, font: Font, radius: u8, density: Density) -> (Theme, Vec<Adjusted>) {
        let (light_ink, light_paper, dark_ink, dark_paper) = match scheme {
            Scheme::Dark => (INK, WHITE, text.unwrap_or(DEFAULT_DARK_INK), background.unwrap_or(DEFAULT_DARK_PAPER)),
            Scheme::Light | Scheme::Auto => (text.unwrap_or(INK), background.unwrap_or(WHITE), DEFAULT_DARK_INK, DEFAULT_DARK_PAPER),
        };
        let (light, light_adjusted) = Colors::derive(primary, light_ink, light_paper);
        let (dark, dark_adjusted) = Colors::derive(primary, dark_ink, dark_paper);
        let adjusted = match scheme {
            Scheme::Dark => dark_adjusted,
            Scheme::Light | Scheme::Auto => light_adjusted,
        };
        (Theme { light, dark, scheme, font, radius: radius.min(24), density }, adjusted)
    }

    /// The stylesheet text for one instance: custom properties on `.tw-root`, a dark set under
    /// `prefers-color-scheme` for `Auto`, and the font, radius and density.
    pub fn css(&self) -> String {
        let base = match self.scheme {
            Scheme::Dark => self.dark.css(),
            Scheme::Light | Scheme::Auto => self.light.css(),
        };
        let scheme = match self.scheme {
            Scheme::Dark => "color-scheme:dark;",
            Scheme::Light => "color-scheme:light;",
            Scheme::Auto => "color-scheme:light dark;",
        };
        let mut css = format!(".tw-root{{{base}{scheme}--tw-radius:{}px;{}}}", self.radius, self.font.css().unwrap_or_default());
        if self.density == Density::Compact {
            css.push_str(".tw-root{font-size:15px;line-height:1.4;padding:14px}");
        }
        if self.scheme == Scheme::Auto {
            css.push_str(&format!("@media (prefers-color-scheme: dark){{.tw-root{{{}}}}}", self.dark.css()));
        }
        css
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_hex_colours() {
        assert_eq!(Rgb::parse_hex("#0f766e"), Some(Rgb(0x0f, 0x76, 0x6e)));
        assert_eq!(Rgb::parse_hex("#fff"), Some(WHITE));
        assert_eq!(Rgb::parse_hex("red"), None);
        assert_eq!(Rgb::parse_hex("#12345"), None);
        assert_eq!(Rgb::parse_hex("#0f766e;}body{display:none"), None);
        assert_eq!(Rgb::parse_hex("#ggg"), None);
    }

    #[test]
    fn known_contrast_ratios() {
        assert!((contrast(WHITE, Rgb(0, 0, 0)) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // #777 on white is the well-known near miss (4.48:1); #767676 just passes (4.54:1).
        assert!((contrast(WHITE, Rgb(0x77, 0x77, 0x77)) - 4.48).abs() < 0.005);
        assert!((contrast(WHITE, Rgb(0x76, 0x76, 0x76)) - 4.54).abs() < 0.005);
        // A very dark grey uses the straight part of the sRGB curve: 10/255 / 12.92 = 0.003035,
        // so 1.05 / 0.053035 = 19.80:1.
        assert!((contrast(WHITE, Rgb(10, 10, 10)) - 19.80).abs() < 0.005);
    }

    #[test]
    fn mixing_moves_each_channel_by_the_percentage() {
        assert_eq!(Rgb(0, 0, 0).mix(WHITE, 90), Rgb(230, 230, 230)); // 255 × 0.9 = 229.5, rounded up
        assert_eq!(Rgb(200, 100, 0).mix(Rgb(0, 0, 0), 10), Rgb(180, 90, 0));
        assert_eq!(Rgb(12, 34, 56).mix(WHITE, 0), Rgb(12, 34, 56));
        assert_eq!(Rgb(12, 34, 56).mix(WHITE, 100), WHITE);
        assert_eq!(Rgb(12, 34, 56).mix(WHITE, 150), WHITE, "more than 100 % is 100 %");
    }

    #[test]
    fn every_theme_is_readable_whatever_the_clinic_picks() {
        let colours = [WHITE, BLACK, Rgb(255, 255, 0), Rgb(0x77, 0x77, 0x77), Rgb(0xf4, 0x72, 0xb6), Rgb(0x0f, 0x76, 0x6e), Rgb(0x16, 0x18, 0x1d), Rgb(200, 200, 200)];
        for primary in colours {
            for text in colours {
                for background in colours {
                    for scheme in [Scheme::Light, Scheme::Dark, Scheme::Auto] {
                        let (t, _) = Theme::new(primary, Some(text), Some(background), scheme, Font::System, 12, Density::Comfortable);
                        for c in [&t.light, &t.dark] {
                            for (fg, bg, what) in [
                                (c.ink, c.paper, "text"), (c.ink, c.surface, "text on cards"), (c.muted, c.paper, "muted text"),
                                (c.muted, c.surface, "muted on cards"), (c.muted, c.accent_soft, "muted on tint"), (c.accent_text, c.paper, "accent text"),
                                (c.accent_text, c.accent_soft, "accent text on tint"), (c.ink, c.accent_soft, "text on tint"),
                                (c.on_accent, c.accent, "button text"), (c.warn_ink, c.warn_bg, "notice"),
                            ] {
                                assert!(contrast(fg, bg) >= AA_TEXT, "{what}: {primary:?}/{text:?}/{background:?} {scheme:?}: {:.2}", contrast(fg, bg));
                            }
                            assert!(contrast(c.line, c.paper) >= AA_NON_TEXT, "borders");
                            assert!(contrast(c.focus, c.paper) >= AA_NON_TEXT, "focus ring");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_button_colour_that_neither_white_nor_ink_reads_on_is_deepened_the_least_way() {
        // #797979: white text on it is 4.35:1, ink 3.89:1, so neither passes; white is closer, so
        // the button darkens under white text: 5 % towards black (#737373) reads at 4.74:1.
        let grey = Rgb(0x79, 0x79, 0x79);
        let (t, _) = Theme::new(grey, None, None, Scheme::Light, Font::System, 12, Density::Comfortable);
        assert_eq!((t.light.accent, t.light.on_accent), (Rgb(0x73, 0x73, 0x73), WHITE));
        // A colour either reads on is kept exactly.
        let (t, _) = Theme::new(DEFAULT_PRIMARY, None, None, Scheme::Light, Font::System, 12, Density::Comfortable);
        assert_eq!(t.light.accent, DEFAULT_PRIMARY);
    }

    #[test]
    fn accent_text_keeps_the_clinics_colour_darkened_no_more_than_it_must() {
        // A light teal reads on none of the paper, the cards or the tint as text.
        let teal = Rgb(0x2a, 0x9d, 0x8f);
        let (t, _) = Theme::new(teal, None, None, Scheme::Light, Font::System, 12, Density::Comfortable);
        let c = &t.light;
        let backgrounds = [c.paper, c.surface, c.accent_soft];
        let step = (0..=20u8).find(|k| c.accent_text == teal.mix(BLACK, k * 5)).expect("the clinic's colour moved towards black in 5 % steps");
        assert!(step > 0, "it had to move");
        assert!(backgrounds.iter().all(|bg| contrast(c.accent_text, *bg) >= AA_TEXT));
        let one_step_less = teal.mix(BLACK, (step - 1) * 5);
        assert!(backgrounds.iter().any(|bg| contrast(one_step_less, *bg) < AA_TEXT), "a step less would have done");
        assert_ne!(c.accent_text, c.ink);
        // On dark paper it moves the other way, towards white.
        let (t, _) = Theme::new(teal, None, None, Scheme::Dark, Font::System, 12, Density::Comfortable);
        let d = &t.dark;
        assert!((0..=20u8).any(|k| d.accent_text == teal.mix(WHITE, k * 5)), "{:?}", d.accent_text);
    }

    #[test]
    fn a_poor_text_colour_is_adjusted_and_reported() {
        let light_grey = Rgb(0xaa, 0xaa, 0xaa);
        let (t, adjusted) = Theme::new(DEFAULT_PRIMARY, Some(light_grey), Some(WHITE), Scheme::Light, Font::System, 12, Density::Comfortable);
        assert_eq!(adjusted.len(), 1);
        assert_eq!((adjusted[0].what, adjusted[0].chosen, adjusted[0].against), ("text", light_grey, WHITE));
        assert!((adjusted[0].ratio - 2.32).abs() < 0.01, "{}", adjusted[0].ratio);
        assert_eq!(t.light.ink, adjusted[0].used);
        // The least 5 % step towards black that reads: 35 % gives #6f6f6f (170 × 0.65 = 110.5,
        // rounded up); 30 % gives #777777, the well-known 4.48:1.
        assert_eq!(adjusted[0].used, Rgb(0x6f, 0x6f, 0x6f));
        assert!(contrast(t.light.ink, WHITE) >= AA_TEXT);
        // A readable pair is kept exactly.
        let (t, adjusted) = Theme::new(DEFAULT_PRIMARY, Some(Rgb(0x22, 0x22, 0x22)), Some(Rgb(0xfa, 0xf7, 0xf2)), Scheme::Light, Font::System, 12, Density::Comfortable);
        assert!(adjusted.is_empty());
        assert_eq!((t.light.ink, t.light.paper), (Rgb(0x22, 0x22, 0x22), Rgb(0xfa, 0xf7, 0xf2)));
    }

    #[test]
    fn dark_paper_gets_the_dark_set_of_fixed_colours_and_light_paper_the_light_one() {
        let near_black = Rgb(0x11, 0x11, 0x11);
        let (dark, _) = Colors::derive(DEFAULT_PRIMARY, WHITE, near_black);
        assert_eq!((dark.warn_bg, dark.warn_ink, dark.focus), (Rgb(0x3a, 0x2c, 0x0c), Rgb(0xff, 0xdc, 0x9a), Rgb(0x93, 0xc5, 0xfd)));
        // Cards 8 % towards the text on dark paper: 17 + 238 × 0.08 = 36.04, so #242424.
        assert_eq!(dark.surface, Rgb(0x24, 0x24, 0x24));
        let (light, _) = Colors::derive(DEFAULT_PRIMARY, INK, WHITE);
        assert_eq!((light.warn_bg, light.warn_ink, light.focus), (Rgb(0xff, 0xf7, 0xe6), Rgb(0x6b, 0x45, 0x00), Rgb(0x1d, 0x4e, 0xd8)));
        // 4 % towards #1a1d21 on white: 255 − 229 × 0.04 = 245.84, 255 − 226 × 0.04 = 245.96,
        // 255 − 222 × 0.04 = 246.12: all round to 246.
        assert_eq!(light.surface, Rgb(0xf6, 0xf6, 0xf6));
    }

    #[test]
    fn a_button_colour_white_text_reads_on_is_kept_though_ink_does_not() {
        // #1d4ed8: white on it is 6.70:1, ink 2.52:1 (WCAG formula, worked separately).
        let blue = Rgb(0x1d, 0x4e, 0xd8);
        assert!(contrast(blue, WHITE) >= AA_TEXT && contrast(blue, INK) < AA_TEXT);
        let (c, _) = Colors::derive(blue, INK, WHITE);
        assert_eq!((c.accent, c.on_accent), (blue, WHITE));
    }

    #[test]
    fn secondary_text_is_as_soft_as_it_can_be_and_still_read() {
        for (ink, paper) in [(INK, WHITE), (WHITE, Rgb(0x11, 0x11, 0x11)), (Rgb(0x22, 0x22, 0x22), Rgb(0xfa, 0xf7, 0xf2))] {
            let (c, _) = Colors::derive(DEFAULT_PRIMARY, ink, paper);
            let reads = |m: Rgb| [c.paper, c.surface, c.accent_soft].iter().all(|bg| contrast(m, *bg) >= AA_TEXT);
            let step = (0..=9u8).find(|k| c.muted == ink.mix(paper, k * 5)).expect("muted is the text moved towards the paper in 5 % steps");
            assert!(step >= 4, "softened by {}% only", step * 5);
            assert!(reads(c.muted));
            assert!(step == 9 || !reads(ink.mix(paper, (step + 1) * 5)), "a step softer would still read");
        }
    }

    #[test]
    fn a_brand_colour_too_light_to_read_on_the_paper_is_reported() {
        // #fde047 on white: 1.32:1 (WCAG formula, worked separately).
        let yellow = Rgb(0xfd, 0xe0, 0x47);
        let (c, adjusted) = Colors::derive(yellow, INK, WHITE);
        assert_eq!(adjusted.len(), 1, "{adjusted:?}");
        assert_eq!((adjusted[0].what, adjusted[0].chosen, adjusted[0].against), ("primary", yellow, WHITE));
        assert!((adjusted[0].ratio - 1.318).abs() < 0.001, "{}", adjusted[0].ratio);
        assert_eq!(adjusted[0].used, c.accent_text);
        assert!(contrast(c.accent_text, WHITE) >= AA_TEXT);
        // One that reads is not reported.
        assert!(Colors::derive(DEFAULT_PRIMARY, INK, WHITE).1.is_empty());
    }

    #[test]
    fn only_safe_font_names_reach_the_stylesheet() {
        assert_eq!(Font::parse("inherit"), Some(Font::Inherit));
        assert_eq!(Font::parse(" 'Open Sans', Arial, sans-serif"), Some(Font::Families(vec!["Open Sans".into(), "Arial".into(), "sans-serif".into()])));
        for bad in ["a;b", "x} .tw-root{display:none", "url(x)", r"Arial, \41", "a\"b"] {
            assert_eq!(Font::parse(bad), None, "{bad}");
        }
        let (t, _) = Theme::new(DEFAULT_PRIMARY, None, None, Scheme::Auto, Font::parse("Lato, serif").unwrap(), 30, Density::Compact);
        let css = t.css();
        assert!(css.contains("font-family:\"Lato\",serif,system-ui,sans-serif;"), "{css}");
        assert!(css.contains("--tw-radius:24px;"), "the radius is capped: {css}");
        assert!(css.contains("@media (prefers-color-scheme: dark){.tw-root{--tw-accent:"), "{css}");
        assert!(css.contains("font-size:15px"), "compact: {css}");
    }

}
