"""`wijkdialoog check --deploy` with a production environment reports nothing the README does not
explain. Each case runs the real command in a fresh process with only the variables given."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "SECRET_KEY": "p" * 20 + "-not-a-real-production-key-" + "q" * 20,
    "ALLOWED_HOSTS": "wijkdialoog.example.nl",
    "CSRF_TRUSTED_ORIGINS": "https://wijkdialoog.example.nl",
    "SITE_URL": "https://wijkdialoog.example.nl",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.nl:587",
    "DEFAULT_FROM_EMAIL": "Wijkdialoog <noreply@example.nl>",
    "BEHIND_PROXY": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def check_deploy(tmp_path, **variables):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "WIJKDIALOOG_VAR_DIR": str(tmp_path / "var"),
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-m", "wijkdialoog", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


def reported(output: str) -> set[str]:
    return set(re.findall(r"\(([a-z_]+\.[EW]\d{3})\)", output))


def test_a_full_production_configuration_passes_without_any_issue(tmp_path):
    returncode, output = check_deploy(tmp_path, **PRODUCTION)
    assert returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output


def test_behind_a_redirecting_proxy_only_the_warnings_the_readme_explains_remain(tmp_path):
    variables = {**PRODUCTION, "SECURE_SSL_REDIRECT": "false"}
    del variables["SECURE_HSTS_INCLUDE_SUBDOMAINS"], variables["SECURE_HSTS_PRELOAD"]
    returncode, output = check_deploy(tmp_path, **variables)
    codes = reported(output)
    assert codes == {"security.W005", "security.W008", "security.W021"}, output
    assert returncode != 0
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### Checking the configuration") :]
    for code in codes:
        assert f"`{code}`" in section


def test_a_console_mailer_is_reported_as_a_mistake(tmp_path):
    variables = {**PRODUCTION, "EMAIL_URL": "consolemail://"}
    returncode, output = check_deploy(tmp_path, **variables)
    assert returncode != 0
    assert reported(output) == {"mail.E001"}
