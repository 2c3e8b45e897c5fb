"""Actors as analysts code them: the country and sector of every actor, and the generic actors' names and
entity rows. No statistical model is loaded."""

import pytest
from spacy.tokens import Span

from caucasus_nlp.analysis import article_rows
from caucasus_nlp.extract.events.actors import actor_codes, generic_name
from caucasus_nlp.records import Article
from parses import parsed


@pytest.mark.parametrize(
    "actor_id, name",
    [
        ("actor:PRO:AM", "Protesters (Armenia)"),
        ("actor:MIL:AZ", "Military Forces of Azerbaijan"),
        ("actor:REB:GE", "Unidentified Armed Group (Georgia)"),
        ("actor:MIL", "Military Forces"),  # no country known: the name drops it
        ("actor:CIV", "Civilians"),
        ("person:ilham-aliyev", None),  # a named actor is no generic one
        ("actor:XYZ:AM", None),  # no such sector
    ],
)
def test_a_generic_actor_is_named_by_its_sector_and_country_as_acled_names_them(actor_id, name):
    assert generic_name(actor_id) == name


def test_named_and_generic_actors_get_a_country_and_a_sector_in_their_order():
    codes = actor_codes(("person:ilham-aliyev", "geonames:174982", "actor:PRO:GE", "org:mfa-armenia"), ("org:icj", "actor:CIV"))
    assert codes == {
        # the knowledge base's country and sector; a state is its government; a generic actor's own
        "actor_countries": ["AZ", "AM", "GE", "AM"], "actor_sectors": ["GOV", "GOV", "PRO", "GOV"],
        # an international court has no country: an empty string keeps the lists aligned with the targets
        "target_countries": ["", ""], "target_sectors": ["JUD", "CIV"],
    }


def test_a_generic_actor_is_an_entity_row_of_type_group_and_its_event_carries_its_codes():
    # "Protesters rallied in Kutaisi."
    doc = parsed("Protesters/protester/NOUN/nsubj/1/NNS rallied/rally/VERB/ROOT/1/VBD in/in/ADP/prep/1/IN "
                 "Kutaisi/Kutaisi/PROPN/pobj/2/NNP ././PUNCT/punct/1/.")
    doc.ents = [Span(doc, 3, 4, label="GPE", kb_id="geonames:613607")]
    article = Article(dump="d.txt", seq=0, title="Rally", text=doc.text, raw_start=0, raw_end=len(doc.text))
    rows = article_rows(article, doc, None)
    (event,) = rows["event_mentions"]
    assert (event["actors"], event["actor_countries"], event["actor_sectors"]) == (["actor:PRO:GE"], ["GE"], ["PRO"])
    assert rows["entities"]["actor:PRO:GE"] == {"name": "Protesters (Georgia)", "type": "GROUP", "aliases": [], "geonameid": None,
                                                "latitude": None, "longitude": None, "country_code": "GE"}
