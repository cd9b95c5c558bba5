//! Texts held in both languages. The language itself is the catalog's
//! ([`testimonio_i18n::Lang`]), re-exported here for the domain's users.

use serde::{Deserialize, Serialize};

pub use testimonio_i18n::Lang;

/// A text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub en: String,
    pub es: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}
