from django.contrib.auth import views as auth_views
from django.urls import path

from .views import login, organiser

urlpatterns = [
    path("inloggen/", login.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("inloggen/link/", login.magic_link_request, name="magic-link-request"),
    path("inloggen/link/verstuurd/", login.magic_link_sent, name="magic-link-sent"),
    path("inloggen/link/open/", login.magic_link_open, name="magic-link-open"),
    path(
        "uitnodiging/open/",
        login.magic_link_open,
        {"invitation": True},
        name="invitation-open",
    ),
    path(
        "inloggen/tafel/",
        login.magic_link_open,
        {"assignment": True},
        name="assignment-open",
    ),
    path("inloggen/verder/", login.after_login, name="after-login"),
    path("mijn/", login.my_page, name="my-page"),
    path("mijn/wachtwoord/", login.set_password, name="set-password"),
    path("beheer/", organiser.dashboard, name="dashboard"),
    path("beheer/organisatie/", organiser.switch_organisation, name="switch-organisation"),
    path("beheer/contact/", organiser.organisation_contact, name="organisation-contact"),
    path("beheer/wijken/nieuw/", organiser.neighbourhood_create, name="neighbourhood-create"),
    path("beheer/wijken/<int:pk>/", organiser.neighbourhood_edit, name="neighbourhood-edit"),
    path("beheer/mensen/", organiser.person_list, name="person-list"),
    path("beheer/mensen/nieuw/", organiser.person_create, name="person-create"),
    path("beheer/mensen/<int:pk>/", organiser.person_detail, name="person-detail"),
    path("beheer/mensen/<int:pk>/bewerken/", organiser.person_edit, name="person-edit"),
    path("beheer/rollen/", organiser.role_list, name="role-list"),
    path("beheer/rollen/uitnodigen/", organiser.role_invite, name="role-invite"),
    path("beheer/training/", organiser.training_list, name="training-list"),
    path(
        "beheer/rollen/<int:pk>/training/",
        organiser.membership_training,
        name="membership-training",
    ),
    path("beheer/rollen/<int:pk>/actief/", organiser.membership_toggle, name="membership-toggle"),
]
