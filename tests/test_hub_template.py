"""The hub serves the same Voilà page template as `facilitator-course start`: one source, so hub
users get the skip link, main landmark and accessibility script the local web app has."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUB_TEMPLATE = ROOT / "course/hub/jupyter-data/voila/templates/facilitator/index.html.j2"
PACKAGE_TEMPLATE = ROOT / "utils/facilitator_course/data/web/index.html.j2"


def test_the_hub_page_template_is_the_package_template():
    assert HUB_TEMPLATE.is_symlink(), "a second copy drifts; link to the package's template"
    assert HUB_TEMPLATE.resolve() == PACKAGE_TEMPLATE.resolve()
    text = HUB_TEMPLATE.read_text(encoding="utf-8")
    assert 'class="fc-skip"' in text and "<main" in text and "<script" in text
