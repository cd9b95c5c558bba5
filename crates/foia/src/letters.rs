//! Request and appeal letters, in English, as plain text to edit.
//!
//! Agencies take requests in English, so the letters are in English only;
//! the interface around them is bilingual. Paragraphs are separated by
//! blank lines and not wrapped, so that any editor can reflow them. What
//! the group has not supplied is left as a bracketed placeholder
//! (`[...]`) to fill in, never invented.
//!
//! A letter holds the request text and the requester's contact details in
//! the clear: treat it as sensitive.

use chrono::{Datelike, NaiveDate};

use crate::deadlines::deadlines;
use crate::request::{DeterminationOutcome, FeeCategory, FoiaRequest};

/// The sentence 5 U.S.C. 552(a)(6)(E)(vi) asks a request for expedited
/// processing to be certified with.
pub const CERTIFICATION: &str =
    "I certify that the foregoing is true and correct to the best of my knowledge and belief.";

/// Who signs, and where the agency should answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signatory {
    pub name: String,
    pub organization: Option<String>,
    /// Postal address, one line per element.
    pub address: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The two kinds of compelling need, 5 U.S.C. 552(a)(6)(E)(v).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompellingNeed {
    /// (v)(I): failing to obtain the records quickly could reasonably be
    /// expected to pose an imminent threat to someone's life or physical
    /// safety (a detained person's medical care, an imminent removal).
    ThreatToLifeOrSafety,
    /// (v)(II): urgency to inform the public about actual or alleged
    /// government activity, for a requester primarily engaged in
    /// disseminating information.
    UrgencyToInform,
}

/// What a request letter needs beyond the request itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterParams {
    /// The letter's date.
    pub date: NaiveDate,
    pub signatory: Signatory,
    /// The fee category to claim; the request's when `None`.
    pub fee_category: Option<FeeCategory>,
    /// The amount the requester agrees to pay without being asked first.
    pub fee_limit_usd: Option<u32>,
    /// Why disclosure is in the public interest (used when the request
    /// asks for a fee waiver).
    pub fee_waiver_justification: Option<String>,
    /// Which compelling need (used when the request asks for expedited
    /// processing).
    pub expedited_need: Option<CompellingNeed>,
    /// The facts showing it.
    pub expedited_justification: Option<String>,
    /// The format wanted; electronic copies when `None`.
    pub format: Option<String>,
}

impl LetterParams {
    /// Parameters with only a date and a signatory.
    pub fn new(date: NaiveDate, signatory: Signatory) -> Self {
        Self {
            date,
            signatory,
            fee_category: None,
            fee_limit_usd: None,
            fee_waiver_justification: None,
            expedited_need: None,
            expedited_justification: None,
            format: None,
        }
    }
}

/// Why a determination is appealed; each adds a paragraph with its
/// citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppealGround {
    /// The search was not adequate (also the ground against "no records").
    InadequateSearch,
    /// The exemptions claimed do not cover what was withheld.
    ExemptionsMisapplied,
    /// Non-exempt parts were not released, 5 U.S.C. 552(b).
    NotSegregated,
    /// No foreseeable harm was shown, 5 U.S.C. 552(a)(8)(A)(i).
    NoForeseeableHarm,
    /// The fee waiver was wrongly denied, 5 U.S.C. 552(a)(4)(A)(iii).
    FeeWaiverDenied,
    /// Expedited processing was wrongly denied, 5 U.S.C. 552(a)(6)(E).
    ExpeditedDenied,
}

/// What an appeal letter needs beyond the request itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppealParams {
    pub date: NaiveDate,
    pub signatory: Signatory,
    pub grounds: Vec<AppealGround>,
    /// The group's own argument, after the grounds.
    pub argument: Option<String>,
}

/// `November 25, 2026`: the letters are in English (see the module).
pub fn long_date(date: NaiveDate) -> String {
    let month = testimonio_i18n::format::month_name(crate::Lang::En, date.month());
    format!("{month} {}, {}", date.day(), date.year())
}

fn or_placeholder(text: Option<&str>, placeholder: &str) -> String {
    match text.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => format!("[{placeholder}]"),
    }
}

fn addressee(out: &mut Vec<String>, title: &str, request: &FoiaRequest) {
    out.push(title.to_owned());
    out.push(request.agency().name(crate::Lang::En).to_owned());
    if let Some(c) = request.component() {
        out.push(c.as_str().to_owned());
    }
}

fn signature(out: &mut Vec<String>, s: &Signatory) {
    let mut block = vec![
        "Sincerely,".to_owned(),
        String::new(),
        or_placeholder(Some(&s.name), "Name"),
    ];
    block.extend(s.organization.iter().cloned());
    block.extend(s.address.iter().cloned());
    block.extend(s.email.iter().cloned());
    block.extend(s.phone.iter().cloned());
    out.push(block.join("\n"));
}

/// A request letter under 5 U.S.C. 552(a)(3)(A), with paragraphs on format,
/// fees, a fee waiver (552(a)(4)(A)(iii)) and expedited processing
/// (552(a)(6)(E), with the certification) when the request asks for them.
pub fn request_letter(request: &FoiaRequest, params: &LetterParams) -> String {
    let mut p: Vec<String> = Vec::new();
    p.push(long_date(params.date));
    let mut to = Vec::new();
    addressee(&mut to, "FOIA Officer", request);
    p.push(to.join("\n"));

    let mut re = vec![format!(
        "Re: Freedom of Information Act request: {}",
        request.subject()
    )];
    if request.expedited_requested() {
        re.push("Expedited processing requested".to_owned());
    }
    if request.fee_waiver_requested() {
        re.push("Fee waiver requested".to_owned());
    }
    p.push(re.join("\n"));
    p.push("Dear FOIA Officer:".to_owned());

    p.push(
        "Under the Freedom of Information Act, 5 U.S.C. 552(a)(3)(A), I request copies of the following records:"
            .to_owned(),
    );
    p.push(or_placeholder(
        request.request_text().map(testimonio_domain::Sensitive::expose),
        "Describe the records you are requesting: their subject, the dates they cover, and the offices likely to hold them.",
    ));
    p.push(
        "Please search every office and system of records likely to hold responsive records, including electronic records and email."
            .to_owned(),
    );

    let format = params.format.as_deref().map_or(
        "electronic form (searchable PDF, or the native format for spreadsheets and databases)",
        str::trim,
    );
    p.push(format!(
        "Format. Under 5 U.S.C. 552(a)(3)(B), please provide the records in {format}, a form in which they are readily reproducible."
    ));

    let category = params.fee_category.or(request.fee_category());
    let mut fees = match category {
        None => "Fees. [State your fee category: commercial, educational, news media, or all other requesters (5 U.S.C. 552(a)(4)(A)(ii)).]".to_owned(),
        Some(c) => {
            let charges = match c {
                FeeCategory::Commercial => {
                    "fees for search, review and duplication may be charged"
                }
                FeeCategory::Educational | FeeCategory::NewsMedia => {
                    "only duplication fees may be charged, and none for the first 100 pages (5 U.S.C. 552(a)(4)(A)(iv)(II))"
                }
                FeeCategory::Other => {
                    "only search and duplication fees may be charged, and none for the first two hours of search or the first 100 pages (5 U.S.C. 552(a)(4)(A)(iv)(II))"
                }
            };
            format!(
                "Fees. For fee purposes I am in the category \"{}\" ({}), so {charges}.",
                c.label(crate::Lang::En).to_lowercase(),
                c.citation()
            )
        }
    };
    match (params.fee_limit_usd, request.fee_waiver_requested()) {
        (Some(limit), true) => fees.push_str(&format!(
            " If my request for a fee waiver is denied, I agree to pay up to ${limit}; please ask me before incurring fees above that amount."
        )),
        (Some(limit), false) => fees.push_str(&format!(
            " I agree to pay up to ${limit}; please ask me before incurring fees above that amount."
        )),
        (None, _) => fees.push_str(" Please ask me before incurring any fees."),
    }
    p.push(fees);

    if request.fee_waiver_requested() {
        p.push(format!(
            "Fee waiver. I request a waiver of all fees under 5 U.S.C. 552(a)(4)(A)(iii), because disclosure of the requested information is in the public interest: it is likely to contribute significantly to public understanding of the operations or activities of the government, and it is not primarily in my commercial interest. {}",
            or_placeholder(
                params.fee_waiver_justification.as_deref(),
                "Explain what the records show about the government's operations, how you will share them with the public, and that you have no commercial interest in them."
            )
        ));
    }

    if request.expedited_requested() {
        let need = match params.expedited_need {
            Some(CompellingNeed::ThreatToLifeOrSafety) => {
                "failure to obtain the records on an expedited basis could reasonably be expected to pose an imminent threat to the life or physical safety of an individual (5 U.S.C. 552(a)(6)(E)(v)(I))"
            }
            Some(CompellingNeed::UrgencyToInform) => {
                "I am primarily engaged in disseminating information, and there is an urgency to inform the public concerning actual or alleged federal government activity (5 U.S.C. 552(a)(6)(E)(v)(II))"
            }
            None => {
                "[choose: an imminent threat to the life or physical safety of an individual, 5 U.S.C. 552(a)(6)(E)(v)(I); or, for a requester primarily engaged in disseminating information, an urgency to inform the public concerning actual or alleged federal government activity, (v)(II)]"
            }
        };
        p.push(format!(
            "Expedited processing. I request expedited processing under 5 U.S.C. 552(a)(6)(E) because there is a compelling need for these records: {need}. {}",
            or_placeholder(
                params.expedited_justification.as_deref(),
                "State the facts that show the compelling need."
            )
        ));
        p.push(CERTIFICATION.to_owned());
        p.push(
            "Under 5 U.S.C. 552(a)(6)(E)(ii)(I), please notify me of your decision on expedited processing within 10 days."
                .to_owned(),
        );
    }

    p.push(
        "Please make a determination on this request within 20 working days, as 5 U.S.C. 552(a)(6)(A)(i) requires. If you withhold any record or part of a record, please cite the exemption claimed for each withholding, release every reasonably segregable portion (5 U.S.C. 552(b)), and indicate the amount of information withheld (5 U.S.C. 552(a)(6)(F)). If you deny any part of this request, please inform me of my right to appeal (5 U.S.C. 552(a)(6)(A)(i)(III)(aa)) and of the assistance available from your FOIA Public Liaison and the Office of Government Information Services (5 U.S.C. 552(a)(6)(A)(i)(III)(bb))."
            .to_owned(),
    );
    let mut contact =
        "Please send the records and any correspondence electronically if possible".to_owned();
    match &params.signatory.email {
        Some(email) => contact.push_str(&format!(", to {email}.")),
        None => contact.push('.'),
    }
    if let Some(phone) = &params.signatory.phone {
        contact.push_str(&format!(
            " If you have questions about the scope of this request, please call me at {phone}."
        ));
    }
    p.push(contact);
    p.push("Thank you for your attention to this request.".to_owned());
    signature(&mut p, &params.signatory);
    p.join("\n\n") + "\n"
}

/// An administrative appeal under 5 U.S.C. 552(a)(6)(A)(i)(III)(aa), citing
/// the determination, the time to decide it (552(a)(6)(A)(ii)) and what
/// follows if the agency does not (552(a)(6)(C)(i), (a)(4)(B)).
pub fn appeal_letter(request: &FoiaRequest, params: &AppealParams) -> String {
    let mut p: Vec<String> = Vec::new();
    p.push(long_date(params.date));
    let mut to = Vec::new();
    addressee(&mut to, "FOIA Appeals Officer", request);
    p.push(to.join("\n"));
    p.push(format!(
        "Re: Freedom of Information Act appeal: request {}",
        request.reference()
    ));
    p.push("Dear Appeals Officer:".to_owned());

    let what = match request.determination() {
        Some(d) => {
            let outcome = match d.outcome {
                DeterminationOutcome::Granted => "determination",
                DeterminationOutcome::PartiallyGranted => "partial denial",
                DeterminationOutcome::Denied => "denial",
                DeterminationOutcome::NoRecords => "\"no records\" response",
            };
            format!("the {outcome} dated {}", long_date(d.date))
        }
        None => "the handling".to_owned(),
    };
    let mut opening = format!(
        "Under 5 U.S.C. 552(a)(6)(A)(i)(III)(aa), I appeal {what} of my Freedom of Information Act request {} (\"{}\")",
        request.reference(),
        request.subject()
    );
    match (request.date_sent(), request.date_received()) {
        (Some(s), Some(r)) => opening.push_str(&format!(
            ", sent on {} and received by your agency on {}.",
            long_date(s),
            long_date(r)
        )),
        (Some(s), None) => opening.push_str(&format!(", sent on {}.", long_date(s))),
        (None, Some(r)) => {
            opening.push_str(&format!(", received by your agency on {}.", long_date(r)))
        }
        (None, None) => opening.push('.'),
    }
    if let Some(due) = deadlines(request, params.date).appeal
        && params.date <= due.date
    {
        opening.push_str(&format!(
            " This appeal is timely: it is made within the {} days your agency allows after the determination.",
            request.appeal_window().days()
        ));
    }
    p.push(opening);

    for ground in &params.grounds {
        p.push(ground_paragraph(*ground).to_owned());
    }
    if params.grounds.is_empty() || params.argument.is_some() {
        p.push(or_placeholder(
            params.argument.as_deref(),
            "Explain why the determination is wrong: what was withheld or not found, and why it should be released.",
        ));
    }
    p.push(
        "Please decide this appeal within 20 working days, as 5 U.S.C. 552(a)(6)(A)(ii) requires. If it is not decided within that time, I will be deemed to have exhausted my administrative remedies (5 U.S.C. 552(a)(6)(C)(i)) and may seek judicial review under 5 U.S.C. 552(a)(4)(B). I may also seek the mediation services of the Office of Government Information Services (5 U.S.C. 552(h)(3))."
            .to_owned(),
    );
    signature(&mut p, &params.signatory);
    p.join("\n\n") + "\n"
}

fn ground_paragraph(ground: AppealGround) -> &'static str {
    match ground {
        AppealGround::InadequateSearch => {
            "The search was inadequate. An agency must make a good-faith search, using methods reasonably expected to produce the records requested, of every location likely to hold them. The response does not say which offices, systems and search terms were used. I ask for a new search and a description of it."
        }
        AppealGround::ExemptionsMisapplied => {
            "The exemptions claimed do not apply to the material withheld. FOIA's exemptions (5 U.S.C. 552(b)) are narrow, and the agency bears the burden of justifying each withholding (5 U.S.C. 552(a)(4)(B))."
        }
        AppealGround::NotSegregated => {
            "Non-exempt information was withheld together with exempt information. The agency must release any reasonably segregable portion of a record after deleting the exempt portions (5 U.S.C. 552(b); 552(a)(8)(A)(ii))."
        }
        AppealGround::NoForeseeableHarm => {
            "The agency has not shown that it reasonably foresees that disclosure would harm an interest protected by an exemption, as 5 U.S.C. 552(a)(8)(A)(i) requires before any withholding."
        }
        AppealGround::FeeWaiverDenied => {
            "The fee waiver was wrongly denied. Disclosure is in the public interest because it is likely to contribute significantly to public understanding of the operations or activities of the government, and it is not primarily in my commercial interest (5 U.S.C. 552(a)(4)(A)(iii))."
        }
        AppealGround::ExpeditedDenied => {
            "Expedited processing was wrongly denied. The request showed a compelling need (5 U.S.C. 552(a)(6)(E)(v)), and an appeal of that denial is to be considered expeditiously (5 U.S.C. 552(a)(6)(E)(ii)(II))."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{DecisionParts, FoiaRequestParts};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn signatory() -> Signatory {
        Signatory {
            name: "Ana Pérez".into(),
            organization: Some("Comité de Defensa del Barrio".into()),
            address: vec!["100 Main St.".into(), "San Antonio, TX 78205".into()],
            email: Some("foia@example.org".into()),
            phone: None,
        }
    }

    /// A request to ICE; a blank `request_text` leaves the text out.
    fn request(parts: FoiaRequestParts) -> FoiaRequest {
        let request_text = parts
            .request_text
            .clone()
            .or_else(|| Some("All use-of-force reports for 2024.".into()));
        FoiaRequest::new(
            FoiaRequestParts {
                id: "r-7".into(),
                agency: "ice".into(),
                component: Some("ICE FOIA Office".into()),
                subject: "Use of force at the Pearsall processing center".into(),
                request_text,
                ..parts
            },
            d(2026, 11, 25),
        )
        .unwrap()
    }

    #[test]
    fn request_letter_cites_the_statute() {
        let r = request(FoiaRequestParts {
            expedited_requested: true,
            fee_waiver_requested: true,
            fee_category: Some("other".into()),
            ..FoiaRequestParts::default()
        });
        let mut params = LetterParams::new(d(2026, 11, 25), signatory());
        params.fee_limit_usd = Some(25);
        params.expedited_need = Some(CompellingNeed::ThreatToLifeOrSafety);
        let letter = request_letter(&r, &params);
        for needle in [
            "November 25, 2026",
            "FOIA Officer\nU.S. Immigration and Customs Enforcement\nICE FOIA Office",
            "5 U.S.C. 552(a)(3)(A)",
            "All use-of-force reports for 2024.",
            "5 U.S.C. 552(a)(3)(B)",
            "\"all other requesters\" (5 U.S.C. 552(a)(4)(A)(ii)(III))",
            "up to $25",
            "5 U.S.C. 552(a)(4)(A)(iii)",
            "[Explain what the records show",
            "5 U.S.C. 552(a)(6)(E) because",
            "(5 U.S.C. 552(a)(6)(E)(v)(I))",
            CERTIFICATION,
            "5 U.S.C. 552(a)(6)(A)(i)(III)(aa)",
            "to foia@example.org.",
            "Sincerely,\n\nAna Pérez\nComité de Defensa del Barrio\n100 Main St.\nSan Antonio, TX 78205\nfoia@example.org\n",
        ] {
            assert!(letter.contains(needle), "missing {needle:?} in\n{letter}");
        }
        assert!(!letter.contains('\r'));
    }

    #[test]
    fn request_letter_leaves_out_what_was_not_asked() {
        let r = request(FoiaRequestParts {
            request_text: Some(String::new()),
            ..FoiaRequestParts::default()
        });
        let letter = request_letter(&r, &LetterParams::new(d(2026, 1, 5), signatory()));
        assert!(!letter.contains(CERTIFICATION));
        assert!(!letter.contains("552(a)(4)(A)(iii)"));
        assert!(!letter.contains("Expedited"));
        assert!(letter.contains("[Describe the records you are requesting"));
        assert!(letter.contains("[State your fee category"));
        assert!(letter.contains("January 5, 2026"));
    }

    #[test]
    fn appeal_letter_names_the_determination_and_the_deadlines() {
        let r = request(FoiaRequestParts {
            tracking_number: Some("2025-ICFO-04567".into()),
            date_sent: Some("2025-02-03".into()),
            date_received: Some("2025-02-04".into()),
            determination: Some(DecisionParts {
                outcome: "partially_granted".into(),
                date: "2025-06-02".into(),
            }),
            ..FoiaRequestParts::default()
        });
        let params = AppealParams {
            date: d(2025, 7, 1),
            signatory: signatory(),
            grounds: vec![AppealGround::InadequateSearch, AppealGround::NotSegregated],
            argument: None,
        };
        let letter = appeal_letter(&r, &params);
        for needle in [
            "July 1, 2025",
            "FOIA Appeals Officer\nU.S. Immigration and Customs Enforcement",
            "Re: Freedom of Information Act appeal: request 2025-ICFO-04567",
            "Under 5 U.S.C. 552(a)(6)(A)(i)(III)(aa), I appeal the partial denial dated June 2, 2025",
            "sent on February 3, 2025 and received by your agency on February 4, 2025.",
            "This appeal is timely: it is made within the 90 days",
            "The search was inadequate.",
            "reasonably segregable",
            "5 U.S.C. 552(a)(6)(A)(ii)",
            "5 U.S.C. 552(a)(6)(C)(i)",
            "5 U.S.C. 552(a)(4)(B)",
        ] {
            assert!(letter.contains(needle), "missing {needle:?} in\n{letter}");
        }
        assert!(!letter.contains("[Explain why"));
        // Too late: no claim of timeliness.
        let late = appeal_letter(
            &r,
            &AppealParams {
                date: d(2025, 9, 1),
                ..params
            },
        );
        assert!(!late.contains("timely"));
    }
}
