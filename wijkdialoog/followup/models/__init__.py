"""The models of the followup app, one module per part of the follow-up."""

from .actions import (
    FollowUp,
    StepAnswer,
)
from .agreements import (
    Agreement,
    AgreementParty,
    AgreementStatus,
    AgreementUpdate,
    PartnerKind,
    PartnerQuestion,
)
from .decisions import (
    ContactMoment,
    Decision,
    DecisionOption,
    DecisionVote,
)
from .initiatives import (
    Initiative,
    InitiativePhoto,
    InitiativeStatusChange,
    InitiativeUpdate,
    TeamMember,
    initiative_photo_path,
)
from .kerngroep import (
    KerngroepMember,
    KerngroepRole,
    KerngroepTask,
)

__all__ = [
    "Agreement",
    "AgreementParty",
    "AgreementStatus",
    "AgreementUpdate",
    "ContactMoment",
    "Decision",
    "DecisionOption",
    "DecisionVote",
    "FollowUp",
    "Initiative",
    "InitiativePhoto",
    "InitiativeStatusChange",
    "InitiativeUpdate",
    "KerngroepMember",
    "KerngroepRole",
    "KerngroepTask",
    "PartnerKind",
    "PartnerQuestion",
    "StepAnswer",
    "TeamMember",
    "initiative_photo_path",
]
