"""The device cookie shared by the wijkagenda's vote and choosing a dream: signed per scope,
refused when forged, copied from another scope or too long; the rate key ignores the timestamp."""

from django.http import HttpResponse
from django.test import RequestFactory

from wijkdialoog.core.device_token import DeviceCookie, hash_token, new_token, plausible

COOKIE = DeviceCookie(name="wd_test", salt="wijkdialoog.tests.device", max_age=60)


def sent_back(response: HttpResponse, name: str = "wd_test") -> str:
    return response.cookies[name].value


def with_cookie(value: str):
    request = RequestFactory().get("/")
    request.COOKIES[COOKIE.name] = value
    return request


def test_a_written_value_reads_back_only_in_its_own_scope():
    response = HttpResponse()
    token = new_token()
    COOKIE.write(RequestFactory().get("/"), response, scope="a", value=token, path="/stem/a/")
    morsel = response.cookies["wd_test"]
    assert morsel["path"] == "/stem/a/" and morsel["httponly"] and morsel["samesite"] == "Lax"
    assert morsel["max-age"] == 60
    assert COOKIE.read(with_cookie(sent_back(response)), "a") == token
    assert COOKIE.read(with_cookie(sent_back(response)), "b") is None


def test_a_forged_missing_or_overlong_cookie_reads_as_none():
    assert COOKIE.read(RequestFactory().get("/"), "a") is None
    assert COOKIE.read(with_cookie("x" * 43 + ":forged"), "a") is None
    response = HttpResponse()
    COOKIE.write(RequestFactory().get("/"), response, scope="a", value="y" * 300, path="/")
    assert COOKIE.read(with_cookie(sent_back(response)), "a") is None


def test_the_rate_key_stays_the_same_when_the_cookie_is_renewed(settings):
    token = new_token()
    first, second = HttpResponse(), HttpResponse()
    COOKIE.write(RequestFactory().get("/"), first, scope="a", value=token, path="/")
    COOKIE.write(RequestFactory().get("/"), second, scope="a", value=token, path="/")
    key = COOKIE.rate_key("group", with_cookie(sent_back(first)))
    assert key == token == COOKIE.rate_key("group", with_cookie(sent_back(second)))


def test_tokens_are_long_random_and_only_their_hash_is_kept():
    token = new_token()
    assert plausible(token) and not plausible(token[:31]) and token != new_token()
    assert len(hash_token(token)) == 64 and token not in hash_token(token)
