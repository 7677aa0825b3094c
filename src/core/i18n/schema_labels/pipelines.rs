//! The default pipelines' names and stage labels in the user's language.
//!
//! Keyed by pipeline id and stage id; like every default label, a name is translated only
//! while it still equals the default English one, so a stage the user renamed, and every
//! pipeline or stage the user created, shows as typed.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::super::Lang;
use crate::core::pipeline::{default_pipelines, Pipeline, Stage};

fn defaults() -> &'static [Pipeline] {
    static DEFAULTS: OnceLock<Vec<Pipeline>> = OnceLock::new();
    DEFAULTS.get_or_init(default_pipelines)
}

/// A pipeline's name ("Sales Pipeline" → "Pipeline des ventes").
pub fn pipeline_label(lang: Lang, pipeline: &Pipeline) -> Cow<'_, str> {
    let english = defaults().iter().find(|d| d.id == pipeline.id).map(|d| d.label.as_str());
    match (english, translation(lang, pipeline.id.as_str(), None)) {
        (Some(english), Some(text)) if english == pipeline.label => Cow::Borrowed(text),
        _ => Cow::Borrowed(&pipeline.label),
    }
}

/// A stage's label in pipeline `pipeline_id` ("Closed won" → "已成交").
pub fn stage_label<'a>(lang: Lang, pipeline_id: &str, stage: &'a Stage) -> Cow<'a, str> {
    let english = defaults()
        .iter()
        .find(|d| d.id.as_str() == pipeline_id)
        .and_then(|d| d.stage(&stage.id))
        .map(|s| s.label.as_str());
    match (english, translation(lang, pipeline_id, Some(&stage.id))) {
        (Some(english), Some(text)) if english == stage.label => Cow::Borrowed(text),
        _ => Cow::Borrowed(&stage.label),
    }
}

/// The translation of a default pipeline (`stage` None) or of one of its stages.
fn translation(lang: Lang, pipeline: &str, stage: Option<&str>) -> Option<&'static str> {
    let [fr, it, pl, zh] = match (pipeline, stage) {
        ("default", None) => ["Pipeline des ventes", "Pipeline di vendita", "Lejek sprzedaży", "销售管道"],
        ("default", Some("appointmentscheduled")) => ["Rendez-vous planifié", "Appuntamento fissato", "Umówione spotkanie", "已安排预约"],
        ("default", Some("qualifiedtobuy")) => ["Qualifié pour l’achat", "Qualificato per l’acquisto", "Zakwalifikowany do zakupu", "符合购买条件"],
        ("default", Some("presentationscheduled")) => ["Présentation planifiée", "Presentazione fissata", "Umówiona prezentacja", "已安排演示"],
        ("default", Some("decisionmakerboughtin")) => ["Décideur convaincu", "Decisore convinto", "Decydent przekonany", "决策者已认可"],
        ("default", Some("contractsent")) => ["Contrat envoyé", "Contratto inviato", "Umowa wysłana", "已发送合同"],
        ("default", Some("closedwon")) => ["Conclue gagnée", "Chiusa vinta", "Zamknięta – wygrana", "已成交"],
        ("default", Some("closedlost")) => ["Conclue perdue", "Chiusa persa", "Zamknięta – przegrana", "已丢单"],
        ("0", None) => ["Pipeline du support", "Pipeline dell’assistenza", "Lejek obsługi zgłoszeń", "支持管道"],
        ("0", Some("1")) => ["Nouveau", "Nuovo", "Nowe", "新建"],
        ("0", Some("2")) => ["En attente du contact", "In attesa del contatto", "Oczekuje na kontakt", "等待联系人回复"],
        ("0", Some("3")) => ["En attente de notre part", "In attesa da parte nostra", "Oczekuje na nas", "等待我方处理"],
        ("0", Some("4")) => ["Fermé", "Chiuso", "Zamknięte", "已关闭"],
        _ => return None,
    };
    match lang {
        Lang::En => None,
        Lang::Fr => Some(fr),
        Lang::It => Some(it),
        Lang::Pl => Some(pl),
        Lang::Zh => Some(zh),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OTHERS: [Lang; 4] = [Lang::Fr, Lang::It, Lang::Pl, Lang::Zh];

    #[test]
    fn every_default_pipeline_and_stage_is_translated() {
        for pipeline in defaults() {
            for lang in OTHERS {
                assert_ne!(pipeline_label(lang, pipeline), pipeline.label, "{lang:?} {}", pipeline.label);
                for stage in &pipeline.stages {
                    assert_ne!(stage_label(lang, pipeline.id.as_str(), stage), stage.label, "{lang:?} {}", stage.label);
                }
            }
            assert_eq!(pipeline_label(Lang::En, pipeline), pipeline.label);
        }
    }

    #[test]
    fn default_names_read_in_the_users_language() {
        let sales = &defaults()[0];
        let won = sales.stage("closedwon").expect("default stage");
        assert_eq!(stage_label(Lang::Zh, "default", won), "已成交");
        assert_eq!(pipeline_label(Lang::Fr, sales), "Pipeline des ventes");
        let support = &defaults()[1];
        let waiting = support.stage("2").expect("default stage");
        assert_eq!(stage_label(Lang::It, "0", waiting), "In attesa del contatto");
    }

    #[test]
    fn renamed_and_new_stages_stay_as_typed() {
        let mut sales = defaults()[0].clone();
        sales.label = "Deals 2026".into();
        sales.stages[0].label = "First call".into();
        assert_eq!(pipeline_label(Lang::Fr, &sales), "Deals 2026");
        assert_eq!(stage_label(Lang::Fr, "default", &sales.stages[0]), "First call");
        // A user's pipeline may reuse a default stage id; its labels are still the user's.
        let mut own = sales.stages[1].clone();
        own.label = "Qualified to buy".into();
        assert_eq!(stage_label(Lang::Pl, "p-mine", &own), "Qualified to buy");
    }
}
