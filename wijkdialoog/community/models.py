from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import OwnedQuerySet, TimeStampedModel, owned_through


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A login. Only people who organise, facilitate, train or partner have one; residents never."""

    email = models.EmailField(_("email address"), unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        # Reads prefetched persons when a list of actors has them (the audit history does).
        persons = sorted(self.persons.all(), key=lambda person: person.pk)
        return persons[0].full_name if persons else self.email


class Organisation(TimeStampedModel):
    """Who runs dialogues: a foundation, welfare organisation or wijkteam. The data controller."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name in web addresses"), unique=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    privacy_email = models.EmailField(
        _("email for privacy questions"),
        help_text=_("Residents can ask here what is stored about them, or have it removed."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        help_text=_("Shown on every public page, so residents can call with questions."),
    )
    contact_email = models.EmailField(
        _("email for questions"),
        blank=True,
        help_text=_("Shown on every public page. Empty: the email for privacy questions is shown."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def public_email(self) -> str:
        """Where residents can mail with questions; the privacy address is public already."""
        return self.contact_email or self.privacy_email


class Neighbourhood(TimeStampedModel):
    class Kind(models.TextChoices):
        WIJK = "wijk", _("district (wijk)")
        BUURT = "buurt", _("neighbourhood (buurt)")
        DORP = "dorp", _("village (dorp)")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="neighbourhoods",
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name in web addresses"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.WIJK)
    municipality = models.CharField(_("municipality"), max_length=120, blank=True)
    cbs_code = models.CharField(
        _("CBS code"),
        max_length=10,
        blank=True,
        validators=[
            RegexValidator(
                r"^(WK\d{6}|BU\d{8})$",
                _("A CBS code looks like WK036301 (wijk) or BU03630101 (buurt)."),
            )
        ],
        help_text=_("Optional. The code Statistics Netherlands uses, such as WK036301."),
    )
    description = models.TextField(_("description"), blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="neighbourhood_unique_slug_per_organisation"
            ),
        ]

    def __str__(self):
        return self.name


class Person(TimeStampedModel):
    """Anyone an organisation knows of. Each organisation keeps its own record (it is the
    controller of that data); a login is optional and links the records of one human."""

    class Language(models.TextChoices):
        DUTCH = "nl", "Nederlands"
        ENGLISH = "en", "English"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="people",
    )
    user = models.ForeignKey(
        User,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="persons",
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=120, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=Language, default=Language.DUTCH
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["first_name", "last_name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=~models.Q(email=""),
                name="person_unique_email_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(user__isnull=False),
                name="person_one_record_per_user_per_organisation",
            ),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Role(models.TextChoices):
    """The roles a person can hold in an organisation (also known as `Membership.Role`)."""

    ORGANISER = "organiser", _("organiser")
    FACILITATOR = "facilitator", _("facilitator (dialoogbegeleider)")
    PARTNER = "partner", _("partner")
    TRAINER = "trainer", _("trainer")


class Membership(TimeStampedModel):
    """A person's role in their organisation."""

    Role = Role

    class PartnerKind(models.TextChoices):
        MUNICIPALITY = "gemeente", _("municipality (gemeente)")
        CARE = "zorg", _("care (zorg)")
        WELFARE = "welzijn", _("welfare (welzijn)")
        WIJKTEAM = "wijkteam", _("neighbourhood team (wijkteam)")
        OTHER = "other", _("other")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    is_active = models.BooleanField(_("active"), default=True)
    partner_kind = models.CharField(
        _("kind of partner"), max_length=20, choices=PartnerKind, blank=True
    )
    partner_organisation = models.CharField(
        _("partner organisation"),
        max_length=150,
        blank=True,
        help_text=_("For example: Gemeente Zaanstad, or Buurtzorg Oost."),
    )
    trained_since = models.DateField(_("trained since"), null=True, blank=True)
    trained_by = models.ForeignKey(
        Person,
        verbose_name=_("trained by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)

    objects = owned_through("person__organisation").as_manager()

    class Meta:
        ordering = ["role", "person__first_name", "pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "role"], name="membership_one_role_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(role=Role.PARTNER) | models.Q(partner_kind=""),
                name="membership_partner_kind_only_for_partners",
            ),
            models.CheckConstraint(
                condition=models.Q(role=Role.FACILITATOR) | models.Q(trained_since__isnull=True),
                name="membership_trained_only_for_facilitators",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"

    @property
    def organisation_id(self) -> int:
        return self.person.organisation_id

    @property
    def is_trained(self) -> bool:
        return self.role == self.Role.FACILITATOR and self.trained_since is not None

    @property
    def is_facilitator(self) -> bool:
        return self.role == self.Role.FACILITATOR

    @property
    def is_partner(self) -> bool:
        return self.role == self.Role.PARTNER
