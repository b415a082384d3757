//! The clinic's brand colour, turned into a palette that stays readable (WCAG AA) whatever
//! colour the clinic picks.

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
    fn mix(self, other: Rgb, percent: u8) -> Rgb {
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

/// Colours derived from one accent, each checked against what it is drawn on.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Fill for primary buttons and selected states.
    pub accent: Rgb,
    /// Text drawn on `accent`.
    pub on_accent: Rgb,
    /// The accent darkened (or lightened) until it reads as text on white.
    pub accent_text: Rgb,
    /// A pale tint of the accent for backgrounds.
    pub accent_soft: Rgb,
}

impl Palette {
    pub fn from_accent(accent: Rgb) -> Palette {
        // Buttons: keep the clinic's colour unless neither white nor ink reads on it, then deepen it.
        let mut fill = accent;
        let mut step = 0;
        while contrast(fill, WHITE) < AA_TEXT && contrast(fill, INK) < AA_TEXT && step < 20 {
            fill = fill.mix(INK, 10);
            step += 1;
        }
        let on_accent = if contrast(fill, WHITE) >= contrast(fill, INK) { WHITE } else { INK };
        let mut accent_text = accent;
        let mut step = 0;
        while contrast(accent_text, WHITE) < AA_TEXT && step < 20 {
            accent_text = accent_text.mix(INK, 10);
            step += 1;
        }
        Palette { accent: fill, on_accent, accent_text, accent_soft: accent.mix(WHITE, 90) }
    }

    /// The custom properties the widget's stylesheet reads. Only hex digits reach this string.
    pub fn css_custom_properties(&self) -> String {
        format!(
            "--tw-accent:{};--tw-on-accent:{};--tw-accent-text:{};--tw-accent-soft:{};",
            self.accent.to_hex(),
            self.on_accent.to_hex(),
            self.accent_text.to_hex(),
            self.accent_soft.to_hex()
        )
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
    }

    #[test]
    fn every_palette_is_readable() {
        for accent in [Rgb(255, 255, 0), WHITE, Rgb(0, 0, 0), Rgb(0xf4, 0x72, 0xb6), Rgb(0x0f, 0x76, 0x6e), Rgb(128, 128, 128)] {
            let p = Palette::from_accent(accent);
            assert!(contrast(p.accent, p.on_accent) >= AA_TEXT, "{accent:?} button text");
            assert!(contrast(p.accent_text, WHITE) >= AA_TEXT, "{accent:?} accent text");
            assert!(contrast(INK, p.accent_soft) >= AA_TEXT, "{accent:?} text on soft tint");
        }
    }

    #[test]
    fn a_dark_accent_is_kept_as_is() {
        let teal = Rgb(0x0f, 0x76, 0x6e);
        let p = Palette::from_accent(teal);
        assert_eq!(p.accent, teal);
        assert_eq!(p.on_accent, WHITE);
        assert_eq!(p.accent_text, teal);
    }
}
