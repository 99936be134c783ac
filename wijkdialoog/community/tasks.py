from django.conf import settings
from django.tasks import task

from wijkdialoog.core.mail import send_mail

from .magic_links import login_url
from .models import Membership, User


@task
def send_invitation(membership_id: int) -> None:
    membership = Membership.objects.select_related("person__organisation", "person__user").get(
        pk=membership_id
    )
    person = membership.person
    assert person.user is not None, "invite_member gives the person a login first"
    send_mail(
        to=person.email,
        template="community/mail/invitation",
        language=person.language,
        context={
            "person": person,
            "membership": membership,
            "organisation": person.organisation,
            "link": login_url(person.user, invitation=True),
        },
    )


@task
def send_magic_link(user_id: int, language: str, next_url: str = "") -> None:
    user = User.objects.get(pk=user_id)
    person = user.persons.order_by("pk").first()
    send_mail(
        to=user.email,
        template="community/mail/magic_link",
        language=language,
        context={
            "person": person,
            "link": login_url(user, next_url=next_url),
            "minutes": settings.SESAME_MAX_AGE // 60,
        },
    )
