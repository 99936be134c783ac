"""The organiser's pages: dashboard, neighbourhoods, people and roles of their organisation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core.access import require
from wijkdialoog.core.forms import show_domain_error

from .. import people, roles
from ..access import SESSION_KEY, current_organisation, organisations_where
from ..forms import (
    InviteForm,
    NeighbourhoodForm,
    OrganisationContactForm,
    PersonForm,
    TrainingForm,
)
from ..models import Membership, Neighbourhood, Organisation, Person


def _organisation(request) -> Organisation:
    require(request, "community.use_dashboard")
    organisation = current_organisation(request, Membership.Role.ORGANISER)
    if organisation is None:  # pragma: no cover - use_dashboard implies an organisation
        raise Http404
    return organisation


@require_GET
def dashboard(request):
    organisation = _organisation(request)
    neighbourhoods = organisation.neighbourhoods.annotate(people_count=Count("people"))
    role_counts = dict(
        Membership.objects.for_organisation(organisation)
        .filter(is_active=True)
        .values_list("role")
        .annotate(n=Count("pk"))
        .values_list("role", "n")
    )
    others = Organisation.objects.filter(
        pk__in=organisations_where(request.user, Membership.Role.ORGANISER)
    )
    return render(
        request,
        "community/dashboard.html",
        {
            "organisation": organisation,
            "neighbourhoods": neighbourhoods,
            "people_count": organisation.people.count(),
            "role_rows": [
                (label, role_counts.get(value, 0)) for value, label in Membership.Role.choices
            ],
            "organisations": others,
        },
    )


@require_POST
def switch_organisation(request):
    require(request, "community.use_dashboard")
    try:
        chosen = int(request.POST.get("organisation", ""))
    except ValueError:
        chosen = None
    if chosen in organisations_where(request.user, Membership.Role.ORGANISER):
        request.session[SESSION_KEY] = chosen
    return redirect("dashboard")


@require_http_methods(["GET", "POST"])
def neighbourhood_create(request):
    organisation = _organisation(request)
    require(request, "community.manage_neighbourhoods", organisation)
    form = NeighbourhoodForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        neighbourhood = people.create_neighbourhood(
            organisation=organisation, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(name)s has been added.") % {"name": neighbourhood.name})
        return redirect("dashboard")
    return render(
        request, "community/neighbourhood_form.html", {"form": form, "organisation": organisation}
    )


@require_http_methods(["GET", "POST"])
def neighbourhood_edit(request, pk):
    neighbourhood = get_object_or_404(Neighbourhood.objects.select_related("organisation"), pk=pk)
    require(request, "community.manage_neighbourhoods", neighbourhood)
    form = NeighbourhoodForm(
        request.POST or None, instance=neighbourhood, organisation=neighbourhood.organisation
    )
    if request.method == "POST" and form.is_valid():
        people.update_neighbourhood(
            neighbourhood=neighbourhood, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("The changes have been saved."))
        return redirect("dashboard")
    return render(
        request,
        "community/neighbourhood_form.html",
        {"form": form, "neighbourhood": neighbourhood, "organisation": neighbourhood.organisation},
    )


@require_http_methods(["GET", "POST"])
def organisation_contact(request):
    organisation = _organisation(request)
    require(request, "community.manage_organisation", organisation)
    form = OrganisationContactForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        people.update_organisation_contact(
            organisation=organisation, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("The changes have been saved."))
        return redirect("dashboard")
    return render(
        request,
        "community/organisation_contact.html",
        {"form": form, "organisation": organisation},
    )


PEOPLE_PER_PAGE = 50


@require_GET
def person_list(request):
    organisation = _organisation(request)
    require(request, "community.manage_people", organisation)
    query = request.GET.get("q", "").strip()
    persons = organisation.people.select_related("neighbourhood").prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.filter(is_active=True))
    )
    if query:
        persons = persons.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(phone__icontains=query)
        )
    page = Paginator(persons, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "community/person_list.html",
        {"organisation": organisation, "page": page, "query": query},
    )


@require_http_methods(["GET", "POST"])
def person_create(request):
    organisation = _organisation(request)
    require(request, "community.manage_people", organisation)
    form = PersonForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        person = people.create_person(
            organisation=organisation, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(name)s has been added.") % {"name": person.full_name})
        return redirect("person-detail", pk=person.pk)
    return render(request, "community/person_form.html", {"form": form})


@require_GET
def person_detail(request, pk):
    person = get_object_or_404(
        Person.objects.select_related("organisation", "neighbourhood", "user"), pk=pk
    )
    require(request, "community.view_person", person)
    memberships = person.memberships.select_related("trained_by")
    return render(
        request,
        "community/person_detail.html",
        {
            "person": person,
            "memberships": memberships,
            "can_manage": request.user.has_perm("community.manage_people", person),
            "can_train": request.user.has_perm("community.record_training", person),
        },
    )


@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    person = get_object_or_404(Person.objects.select_related("organisation"), pk=pk)
    require(request, "community.manage_people", person)
    form = PersonForm(request.POST or None, instance=person, organisation=person.organisation)
    if request.method == "POST" and form.is_valid():
        people.update_person(person=person, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The changes have been saved."))
        return redirect("person-detail", pk=person.pk)
    return render(request, "community/person_form.html", {"form": form, "person": person})


@require_GET
def role_list(request):
    organisation = _organisation(request)
    require(request, "community.manage_roles", organisation)
    memberships = (
        Membership.objects.for_organisation(organisation)
        .select_related("person", "trained_by")
        .order_by("role", "-is_active", "person__first_name", "pk")
    )
    return render(
        request,
        "community/role_list.html",
        {"organisation": organisation, "memberships": memberships, "Role": Membership.Role},
    )


@require_http_methods(["GET", "POST"])
def role_invite(request):
    organisation = _organisation(request)
    require(request, "community.manage_roles", organisation)
    form = InviteForm(request.POST or None, initial={"role": Membership.Role.FACILITATOR})
    if request.method == "POST" and form.is_valid():
        try:
            membership = roles.invite_member(
                organisation=organisation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s has been invited by email.") % {"name": membership.person.full_name},
            )
            return redirect("role-list")
    return render(request, "community/role_invite.html", {"form": form})


@require_http_methods(["GET", "POST"])
def membership_training(request, pk):
    membership = get_object_or_404(
        Membership.objects.select_related("person__organisation"),
        pk=pk,
        role=Membership.Role.FACILITATOR,
    )
    organisation = membership.person.organisation
    require(request, "community.record_training", organisation)
    form = TrainingForm(
        request.POST or None,
        organisation=organisation,
        initial={"trained_since": membership.trained_since, "trained_by": membership.trained_by},
    )
    if request.method == "POST" and form.is_valid():
        roles.record_training(membership=membership, actor=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("The training of %(name)s has been recorded.") % {"name": membership.person},
        )
        return redirect("training-list")
    return render(
        request, "community/membership_training.html", {"form": form, "membership": membership}
    )


@require_GET
def training_list(request):
    """Facilitators and their training status, for organisers and trainers."""
    organisation = current_organisation(request, Membership.Role.ORGANISER, Membership.Role.TRAINER)
    require(request, "community.record_training", organisation)
    facilitators = (
        Membership.objects.for_organisation(organisation)
        .filter(role=Membership.Role.FACILITATOR, is_active=True)
        .select_related("person", "trained_by")
        .order_by("trained_since", "person__first_name", "pk")
    )
    return render(
        request,
        "community/training_list.html",
        {"organisation": organisation, "facilitators": facilitators},
    )


@require_POST
def membership_toggle(request, pk):
    membership = get_object_or_404(Membership.objects.select_related("person"), pk=pk)
    require(request, "community.manage_roles", membership.person)
    active = request.POST.get("active") == "1"
    try:
        roles.set_membership_active(membership=membership, actor=request.user, active=active)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if active:
            messages.success(request, _("The role has been resumed."))
        else:
            messages.success(request, _("The role has been ended."))
    return redirect("person-detail", pk=membership.person_id)
