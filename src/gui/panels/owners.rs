//! A target's responsible agencies as the Targets table and Compare show them: the lead,
//! where it comes from when not from the target's measure, and the co-owners on hover.

use egui::RichText;

use super::Ctx;
use crate::gui::i18n::T;
use crate::store::rows::{OwnerSource, Owners};

/// The lead agency (translated), marked when it is the issuer or an agency the goal names.
pub fn lead_label(ui: &mut egui::Ui, ctx: &Ctx<'_>, owners: &Owners) {
    let Some(lead) = &owners.lead else {
        ui.label(RichText::new("—").weak())
            .on_hover_text(ctx.t(T::OwnerNone));
        return;
    };
    let name = ctx.agency_name(lead);
    let (text, tip) = match owners.source {
        OwnerSource::Named => (
            format!("{name} ({})", ctx.t(T::OwnerNamed)),
            ctx.t(T::OwnerNamedTip),
        ),
        OwnerSource::Issuer => (
            format!("{name} ({})", ctx.t(T::OwnerIssuer)),
            ctx.t(T::OwnerIssuerTip),
        ),
        OwnerSource::Measure | OwnerSource::None => (name, ctx.t(T::OwnerMeasureTip)),
    };
    let mut hover = tip.to_string();
    if !owners.co.is_empty() {
        let co: Vec<String> = owners.co.iter().map(|a| ctx.agency_name(a)).collect();
        hover = format!("{hover}\n{}: {}", ctx.t(T::CoOwners), co.join("、"));
    }
    ui.add(egui::Label::new(text).truncate())
        .on_hover_text(hover);
}
