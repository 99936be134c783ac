"""Registering without an account, the personal manage link, registering on behalf, and the
organiser's list of who is coming."""

from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from wijkdialoog.core import pdf
from wijkdialoog.core.access import require_or_404
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.access import MEETING_RELATED, get_meeting_for, get_visible_meeting
from wijkdialoog.dialogues.availability import places_left
from wijkdialoog.dialogues.models import Meeting

from .. import contact_details, registering, slips
from ..forms import ChangeForm, ContactForm, OnBehalfForm, RegisterForm
from ..models import Channel, Registration
from ..waiting_list import waiting_position

Status = Registration.Status
# Set by the tracked channel link (/d/<code>/) before it sends people to the meeting page.
CHANNEL_SESSION_KEY = "wijkdialoog_channel"


def _channel(request, meeting: Meeting) -> Channel | None:
    """The invitation channel that brought this visitor, when it belongs to this series."""
    code = request.GET.get("via", "").strip()
    if code:
        channel = Channel.objects.filter(code=code, series_id=meeting.series_id).first()
        if channel is not None:
            return channel
    channel_id = request.session.get(CHANNEL_SESSION_KEY)
    if isinstance(channel_id, int):
        return Channel.objects.filter(pk=channel_id, series_id=meeting.series_id).first()
    return None


def _registration_rate(group, request):
    return settings.REGISTRATION_RATE


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=_registration_rate, method="POST", block=False)
def meeting_register(request, pk):
    meeting = get_visible_meeting(request, pk)
    closed = registering.registration_is_closed(meeting)
    form = None if closed else RegisterForm(request.POST or None)
    if form is not None and request.method == "POST" and form.is_valid():
        if getattr(request, "limited", False):
            form.add_error(None, _("Many registrations came from here just now. Try again later."))
        else:
            try:
                registration = registering.register_from_public_form(
                    meeting=meeting,
                    first_name=form.cleaned_data["first_name"],
                    email=form.cleaned_data["email"],
                    phone=form.cleaned_data["phone"],
                    channel=_channel(request, meeting),
                    language=get_language(),
                    consent=form.cleaned_data["consent"],
                    keep_me_posted=form.cleaned_data["keep_me_posted"],
                    companions=form.companions(),
                    **form.facts(),
                )
            except ValidationError as error:
                show_domain_error(form, error)
            else:
                # With an email address the personal link goes by mail only (see the function).
                if registration is None:
                    return redirect("meeting-register-sent", pk=meeting.pk)
                return redirect("registration-done", token=registration.manage_token)
    return render(
        request,
        "registrations/registration_form.html",
        {
            "meeting": meeting,
            "venue": meeting.venue,
            "form": form,
            "closed": closed,
            "places_left": places_left(meeting),
        },
    )


@require_GET
def meeting_register_sent(request, pk):
    """After signing up with an email address: the same page whatever happened, so it tells a
    stranger nothing about the address."""
    meeting = get_visible_meeting(request, pk)
    return render(
        request,
        "registrations/registration_sent.html",
        {"meeting": meeting, "venue": meeting.venue},
    )


def _registration_by_token(token: str) -> Registration | None:
    """The registration behind a personal link; None when unknown or once the meeting is over."""
    registration = (
        Registration.objects.select_related(
            "person", *(f"meeting__{name}" for name in MEETING_RELATED)
        )
        .filter(manage_token=token)
        .first()
    )
    if registration is None or registration.meeting.ends_at <= timezone.now():
        return None
    return registration


def _link_not_found(request):
    return render(request, "registrations/registration_link_invalid.html", status=404)


@never_cache
@require_GET
def registration_done(request, token):
    registration = _registration_by_token(token)
    if registration is None:
        return _link_not_found(request)
    # Without email this page is the only place the personal link reaches them.
    link = {} if registration.person.email else slips.personal_link(registration)
    return render(
        request,
        "registrations/registration_done.html",
        {
            "registration": registration,
            "meeting": registration.meeting,
            "venue": registration.meeting.venue,
            "companions": registering.active_companions(registration),
            "waiting_position": waiting_position(registration),
            **link,
        },
    )


@never_cache
@require_GET
def registration_slip(request, token):
    registration = _registration_by_token(token)
    if registration is None:
        return _link_not_found(request)
    return pdf.response(slips.render_pdf(registration), "wijkdialoog-aanmelding.pdf")


def _manage_page(request, registration, *, form=None, contact_form=None):
    meeting = registration.meeting
    companions = registering.active_companions(registration)
    active = registration.status != Status.CANCELLED
    if active:
        form = form or ChangeForm.for_registration(registration, companions)
        contact_form = contact_form or ContactForm.for_person(registration.person)
    return render(
        request,
        "registrations/registration_manage.html",
        {
            "registration": registration,
            "meeting": meeting,
            "venue": meeting.venue,
            "companions": companions,
            "form": form if active else None,
            "contact_form": contact_form if active else None,
            "waiting_position": waiting_position(registration),
            "can_register_again": not active and not registering.registration_is_closed(meeting),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def registration_manage(request, token):
    registration = _registration_by_token(token)
    if registration is None:
        return _link_not_found(request)
    if request.method == "GET" or registration.status == Status.CANCELLED:
        return _manage_page(request, registration)
    companions = registering.active_companions(registration)
    form = ChangeForm.for_registration(registration, companions, request.POST)
    if form.is_valid():
        try:
            registering.change(
                registration=registration, companions=form.companions(), **form.facts()
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect("registration-manage", token=token)
    return _manage_page(request, registration, form=form)


@never_cache
@require_POST
def registration_contact(request, token):
    registration = _registration_by_token(token)
    if registration is None:
        return _link_not_found(request)
    if registration.status == Status.CANCELLED:
        return redirect("registration-manage", token=token)
    form = ContactForm.for_person(registration.person, request.POST)
    if form.is_valid():
        try:
            confirm_to = contact_details.change_contact_details(
                registration=registration, **form.cleaned_data
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            if not confirm_to:
                messages.success(request, _("Your details have been saved."))
            else:
                messages.info(
                    request,
                    _(
                        "We have sent a link to %(email)s. Your new email address counts once "
                        "you click that link."
                    )
                    % {"email": confirm_to},
                )
            return redirect("registration-manage", token=token)
    return _manage_page(request, registration, contact_form=form)


@never_cache
@require_http_methods(["GET", "POST"])
def email_confirm(request, token):
    """GET shows a button; only the POST confirms, so mail scanners cannot do it."""
    if contact_details.read_email_confirmation(token) is None:
        return render(request, "registrations/email_confirm.html", {"invalid": True}, status=404)
    error = None
    if request.method == "POST":
        try:
            registration = contact_details.confirm_email_change(token=token)
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            messages.success(request, _("Your new email address is confirmed."))
            return redirect("registration-manage", token=registration.manage_token)
    return render(request, "registrations/email_confirm.html", {"error": error})


@never_cache
@require_http_methods(["GET", "POST"])
def registration_cancel(request, token):
    registration = _registration_by_token(token)
    if registration is None:
        return _link_not_found(request)
    if registration.status == Status.CANCELLED:
        return redirect("registration-manage", token=token)
    if request.method == "POST":
        registering.cancel(registration=registration)
        messages.success(request, _("You have cancelled your registration."))
        return redirect("registration-manage", token=token)
    return render(
        request,
        "registrations/registration_cancel.html",
        {
            "registration": registration,
            "meeting": registration.meeting,
            "companions": registering.active_companions(registration),
        },
    )


@require_http_methods(["GET", "POST"])
def registration_on_behalf(request, pk):
    meeting = get_meeting_for(request, pk, "registrations.register_on_behalf")
    closed = registering.registration_is_closed(meeting)
    form = None if closed else OnBehalfForm(request.POST or None)
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            registration = registering.register(
                meeting=meeting,
                first_name=form.cleaned_data["first_name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                source=form.cleaned_data["source"],
                registered_by=request.user,
                language=form.cleaned_data["language"],
                consent=form.cleaned_data["consent"],
                keep_me_posted=form.cleaned_data["keep_me_posted"],
                companions=form.companions(),
                **form.facts(),
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            return redirect(
                "registration-on-behalf-done", pk=meeting.pk, registration=registration.pk
            )
    return render(
        request,
        "registrations/registration_on_behalf.html",
        {
            "meeting": meeting,
            "form": form,
            "closed": closed,
            "places_left": places_left(meeting),
            "can_see_list": request.user.has_perm("registrations.manage_registrations", meeting),
        },
    )


@require_GET
def registration_on_behalf_done(request, pk, registration):
    meeting = get_meeting_for(request, pk, None)  # the check is on the registration below
    registration = (
        Registration.objects.select_related("person")
        .filter(pk=registration, meeting=meeting, party_lead__isnull=True)
        .first()
    )
    if registration is not None:
        registration.meeting = meeting
    require_or_404(request, "registrations.view_registered_on_behalf", registration)
    return render(
        request,
        "registrations/registration_on_behalf_done.html",
        {
            "meeting": meeting,
            "registration": registration,
            "companions": registering.active_companions(registration),
            "waiting_position": waiting_position(registration),
        },
    )


def _parties(registrations) -> dict[str, list]:
    """Leads with their companions (same status) under them, per status, in list order."""
    by_pk = {r.pk: r for r in registrations}
    groups: dict[int, list] = defaultdict(list)
    order: list[int] = []
    for registration in registrations:
        lead = by_pk.get(registration.party_lead_id)
        key = (
            lead.pk if lead is not None and lead.status == registration.status else registration.pk
        )
        if key not in groups:
            order.append(key)
        groups[key].append(registration)
    parties: dict[str, list] = {status: [] for status in Status.values}
    for key in order:
        members = sorted(groups[key], key=lambda r: (r.pk != key, r.pk))
        lead = members[0]
        parties[lead.status].append({"lead": lead, "companions": members[1:]})
    return parties


@require_GET
def registration_list(request, pk):
    meeting = get_meeting_for(request, pk, "registrations.manage_registrations")
    registrations = list(
        meeting.registrations.select_related("person", "channel", "table").order_by(
            "waiting_since", "created_at", "pk"
        )
    )
    parties = _parties(registrations)
    confirmed = sum(1 for r in registrations if r.status == Status.CONFIRMED)
    capacity = meeting.capacity()
    return render(
        request,
        "registrations/registration_list.html",
        {
            "meeting": meeting,
            "confirmed": parties[Status.CONFIRMED],
            "waiting": parties[Status.WAITING],
            "cancelled": parties[Status.CANCELLED],
            "confirmed_count": confirmed,
            "waiting_count": sum(1 for r in registrations if r.status == Status.WAITING),
            "checked_in_count": sum(1 for r in registrations if r.checked_in_at),
            "capacity": capacity,
            "places_left": max(0, capacity - confirmed),
        },
    )


urlpatterns = [
    path("bijeenkomst/<int:pk>/aanmelden/", meeting_register, name="meeting-register"),
    path(
        "bijeenkomst/<int:pk>/aanmelden/verstuurd/",
        meeting_register_sent,
        name="meeting-register-sent",
    ),
    path("aanmelding/<str:token>/", registration_manage, name="registration-manage"),
    path("aanmelding/<str:token>/klaar/", registration_done, name="registration-done"),
    path("aanmelding/<str:token>/gegevens/", registration_contact, name="registration-contact"),
    path("email-bevestigen/<str:token>/", email_confirm, name="email-confirm"),
    path("aanmelding/<str:token>/strookje.pdf", registration_slip, name="registration-slip"),
    path("aanmelding/<str:token>/afmelden/", registration_cancel, name="registration-cancel"),
    path(
        "beheer/bijeenkomsten/<int:pk>/aanmeldingen/", registration_list, name="registration-list"
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/aanmelden-namens/",
        registration_on_behalf,
        name="registration-on-behalf",
    ),
    path(
        "beheer/bijeenkomsten/<int:pk>/aanmelden-namens/<int:registration>/",
        registration_on_behalf_done,
        name="registration-on-behalf-done",
    ),
]
