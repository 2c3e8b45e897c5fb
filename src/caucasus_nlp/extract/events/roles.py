"""Roles: the actors and targets of a trigger, along the dependency paths of resources/events/roles.jsonl.

The actor is the subject of the trigger's clause, found by climbing from the trigger through
complements, coordinations and adjectives ("is ready to meet"); a noun event's actor is the subject of
the verb it is the object of ("held talks"), its owner ("Azerbaijan's blockade") or its of-phrase. The
targets are its objects and prepositional complements. Each path that gives the event an actor or a
target is named in the result, and so is a parse repair (caucasus_parse_repairs) the path relied on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from caucasus_nlp.extract.entities import EntityMention
from caucasus_nlp.extract.events.actors import default_actor, generic_actor, noun_sector, sectors, story_parties, unidentified_attacker
from caucasus_nlp.extract.events.resolve import ArticleContext, group_leader, office_holder_of, referred_actors, referred_by
from caucasus_nlp.extract.events.states import entity_ids, home_state, polities, state_body_words
from caucasus_nlp.extract.events.triggers import match_trigger, observed_noun, occurring_noun, occurring_verb, small_clause
from caucasus_nlp.rulebook import enabled, rule
from caucasus_nlp.syntax import climb, core, prep_phrase, same_clause
from caucasus_nlp.vocabulary import PLACE_LABELS


@dataclass(frozen=True)
class Roles:
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    # the states among the actors that are there because a state body of theirs acted (acts_for)
    represented: tuple[str, ...] = ()
    # the role paths and parse repairs that gave the actors, then those that gave the targets
    paths: tuple[str, ...] = ()


@dataclass
class _Phrases:
    """The tokens found for each side, with the paths that found them."""

    subject: list[tuple[tuple[str, ...], list[Token]]] = field(default_factory=list)
    objects: list[tuple[str, list[Token]]] = field(default_factory=list)

    def add_subject(self, paths: tuple[str, ...], tokens: list[Token]) -> None:
        self.subject.append((paths, list(tokens)))

    def add_object(self, path: str, tokens) -> None:
        self.objects.append((path, list(tokens)))

    @property
    def subject_tokens(self) -> list[Token]:
        return [t for _, tokens in self.subject for t in tokens]

    @property
    def object_tokens(self) -> list[Token]:
        return [t for _, tokens in self.objects for t in tokens]


def home_places(tokens: list[Token], by_token: dict[int, EntityMention]) -> set[int]:
    """The tokens of the places that only say where a generic group of people is from ("residents of
    Taloqan", "workers from Shush": role:home_place words after a noun of generic_actors.tsv of a local
    sector, actor_sectors.tsv): the people are the actor, of the place's country, not the place. A
    state's forces or government are the state's ("troops of the Russian Federation")."""
    homes: set[int] = set()
    for tok in tokens:
        sector = noun_sector(tok.head) if tok.dep_ == "prep" and tok.lower_ in rule("role:home_place").words else None
        if sector is None or not sectors()[sector].local:
            continue
        for t in tok.subtree:
            mention = by_token.get(t.i)
            if mention is not None and mention.label in PLACE_LABELS and t.i != tok.i:
                homes.add(t.i)
    return homes


def object_places(tokens: list[Token], trigger: Token, by_token: dict[int, EntityMention]) -> set[int]:
    """The tokens of the places in a locative phrase inside the trigger's object ("attacked a dormitory
    in Esenyurt town, Istanbul", "abducted 3 civilians in Cankuzo": role:object_place words): they say
    where it happened, not whom it was done to. Only the phrase's own object and the names joined to it
    ("in support of Azerbaijan's bid" names no place)."""
    placed: set[int] = set()
    for tok in tokens:
        if tok.dep_ != "prep" or tok.head.i == trigger.i or tok.lower_ not in rule("role:object_place").words:
            continue
        placed.update(t.i for t in tok.subtree if _is_place(t, by_token) and _object_of(t, tok, by_token))
    return placed


# the dependencies that join the words of one place name, or two names of one place ("Esenyurt town, Istanbul")
NAME_JOINS = ("compound", "appos", "conj", "npadvmod")


def _object_of(tok: Token, preposition: Token, by_token: dict[int, EntityMention]) -> bool:
    """Whether a token is the preposition's object, or a name joined to it (compound, apposition,
    conjunct: "in Esenyurt town, Istanbul"), or the area a place of the object lies in ("in Cukurca
    district of Hakkari", "in Tuzlucayir neighborhood of Mamak")."""
    tok = climb(tok, NAME_JOINS)
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_place(tok.head.head, by_token):
        tok = climb(tok.head.head, NAME_JOINS)
    return tok.dep_ == "pobj" and tok.head.i == preposition.i


def _is_place(tok: Token, by_token: dict[int, EntityMention]) -> bool:
    return (mention := by_token.get(tok.i)) is not None and mention.label in PLACE_LABELS


def participation_verb(noun: Token) -> Token | None:
    """The verb of taking part whose in-phrase a noun event is ("engaged in a violent demonstration",
    "participated in the protest", "took part in clashes": role:participation), whose subject did it."""
    row = rule("role:participation")
    if noun.dep_ != "pobj" or noun.head.lower_ not in row.map["prepositions"]:
        return None
    verb = noun.head.head
    if verb.lemma_.lower() not in row.words:
        return None
    return verb.head if verb.pos_ == "NOUN" and verb.dep_ == "dobj" else verb  # "took part": the subject is take's


def between_phrase(head: Token) -> Token | None:
    """The head's "between" preposition (role:between's words), whose objects are an event's parties."""
    return next((c for c in head.children if c.dep_ == "prep" and c.lower_ in rule("role:between").words), None)


def repaired_subject(verb: Token) -> tuple[str, list[Token]] | None:
    """The subject caucasus_parse_repairs found for a verb the parse left without one."""
    found = (verb.doc._.subject_repairs or {}).get(verb.i)
    return (found[0], [verb.doc[i] for i in found[1]]) if found else None


def actor_clause(token: Token) -> tuple[Token, list[Token] | None, tuple[str, ...]]:
    """The clause whose subject does the event, the actor tokens when the syntax names them elsewhere,
    and the paths taken. "accused Azerbaijan of violating": the violator is the object."""
    paths: tuple[str, ...] = ()
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        verb = token.head.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and enabled("role:accused_object") and token.head.lower_ in rule("role:accused_object").words:  # "blamed Baku for attacking": Baku attacked
            return verb, list(core(objects[0])), ("role:accused_object",)
    if token.tag_.startswith("VB") and token.dep_ == "compound" and enabled("role:compound_verb") and (
            named := [t for c in token.children if c.dep_ in ("compound", "nsubj") for t in c.subtree]):
        # "a deal that saw Armenia cede swathes of territory": the small model makes "Armenia cede" a
        # compound of the object; the name before the verb is its subject
        return token, named, ("role:compound_verb",)
    if token.pos_ == "NOUN" or token.dep_ == "compound":
        # a noun event is done by the subject of the verb it is the object of ("held talks", "refused
        # negotiation", "return to the negotiating table"); a noun inside any other phrase ("as a
        # result of the blockade") says nothing of who did it
        head = token.head if token.dep_ == "compound" else token
        light_verb = enabled("role:light_verb")
        if light_verb and head.dep_ == "pobj" and head.head.dep_ == "prep" and token.dep_ == "compound":
            head, paths = head.head.head, (*paths, "role:light_verb")
        elif light_verb and head.dep_ == "dobj" and match_trigger(head.head) is None and head.head.lemma_.lower() not in rule("gate:prevented").words:
            # "held talks": the holder talked; "condemned the attack", "welcomed the agreement": the verb
            # is an event of its own, and its subject did not attack or agree
            head, paths = head.head, (*paths, "role:light_verb")
        elif enabled("role:participation") and (verb := participation_verb(head)) is not None:
            head, paths = verb, (*paths, "role:participation")  # "students engaged in a violent demonstration": they demonstrated
        elif enabled("role:occasion") and head.dep_ == "pobj" and head.head.lower_ in rule("role:occasion").words and (
            verb := occasion_verb(head.head)) is not None and any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children):
            head, paths = verb, (*paths, "role:occasion")  # "Aliyev said at a meeting with Steinmeier": the speaker took part
        else:
            return token, None, paths
    else:
        head = token
    climbs = rule("role:climb").deps
    finite = rule("role:finite_conjunct").tags
    for _ in range(5):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            break
        if stray := repaired_subject(head):  # also before a clause the small model took for the subject
            return head, stray[1], (*paths, stray[0])
        if any(c.dep_ == "csubj" for c in head.children):
            break
        if head.dep_ not in climbs or head.head.i == head.i or not enabled("role:climb"):
            break
        if head.dep_ == "xcomp" and enabled("role:xcomp_controller") and (controller := xcomp_controller(head)) is not None:
            # "urged Yerevan to sign", "offered the community to meet", "called on both sides to stop": the one urged would do it
            return head.head, controller, (*paths, "role:xcomp_controller")
        if head.dep_ == "acl" and head.head.pos_ == "NOUN" and enabled("role:acl_owner"):
            # "Armenia's intention to join", "Baku's proposal to start talks": the owner of the intention acts
            owner = next((c for c in head.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return head.head, list(owner.subtree), (*paths, "role:acl_owner")
        if head.dep_ == "conj" and enabled("role:finite_conjunct") and head.tag_ in finite and head.head.tag_ not in finite and (
            head.head.pos_ == "ADJ" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.head.children)
        ):
            # "considers Armenia's intention to join the Statute unacceptable and warns Yerevan": the parser
            # joined the finite "warns" to the infinitive or to the adjective; coordinated verbs share their
            # form, so it is "considers" it goes with, whose subject warns (not so when the participle has a
            # subject of its own: "The forces, having taken the height, established control")
            # (a participle with a finite auxiliary heads a finite clause: "Turkey has exhorted ... and offered")
            head = next((a for a in head.head.ancestors if a.tag_ in finite or any(c.dep_ == "aux" and c.tag_ in finite for c in a.children)), head.head)
            paths = (*paths, "role:finite_conjunct")
            continue
        head, paths = head.head, (*paths, "role:climb")
    return head, None, paths


def agent_phrase(agent: Token, by_token: dict[int, EntityMention]) -> list[Token]:
    """A passive's by-phrase, or, where it names no one, the person or body in apposition to it
    ("disbanded by its last president, Samvel Shahramanyan"; not a place: "by police forces in the
    village, Njoro county")."""
    phrase = prep_phrase(agent)
    if entity_ids(phrase, by_token):
        return phrase
    named = [t for pobj in agent.children if pobj.dep_ == "pobj" for appos in pobj.children if appos.dep_ == "appos" for t in core(appos)]
    people = [t for t in named if (m := by_token.get(t.i)) is not None and m.label not in PLACE_LABELS]
    return people if entity_ids(people, by_token) else phrase


def xcomp_controller(complement: Token) -> list[Token] | None:
    """Who is to do what a verb's infinitive says: the verb's object ("urged Yerevan to sign"), or the
    object of a preposition the rule names between the verb and the infinitive ("called on both sides
    to stop the fighting"; not "Azerbaijan, on the other hand, continues arresting")."""
    row, verb = rule("role:xcomp_controller"), complement.head
    for child in verb.children:
        if child.dep_ in row.deps:
            return core(child)
        if child.dep_ == "prep" and child.lower_ in row.words and verb.i < child.i < complement.i and (phrase := prep_phrase(child)):
            return phrase
    return None


def casualty_cause(token: Token, event_type: str) -> list[Token]:
    """The doer a passive killing's cause names: "killed in clashes with Azerbaijan" → Azerbaijan,
    "killed in strikes by Azerbaijani forces" → the forces (role:casualty_cause)."""
    row = rule("role:casualty_cause")
    if event_type not in row.types:
        return []
    doers: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in row.map:
            continue
        for cause in prep.children:
            if cause.dep_ == "pobj" and cause.lemma_.lower() in row.words:
                doers += [t for c in cause.children if c.dep_ == "prep" and c.lower_ in row.map[prep.lower_] for t in prep_phrase(c)]
    return doers


def occasion_verb(prep: Token) -> Token | None:
    """The verb an occasion phrase belongs to: its head, or the verb whose object or subject the parser
    hung it on ("conveyed these concerns in conversations with the minister", "Pashinyan, at a meeting
    with the residents, said")."""
    if prep.head.pos_ == "VERB":
        return prep.head
    if prep.head.dep_ in ("dobj", "nsubj") and prep.head.head.pos_ == "VERB":
        return prep.head.head
    return None


def arguments(token: Token, event_type: str, context: ArticleContext) -> Roles:
    """Actors, targets, the states among the actors that their state bodies stand for, and the paths."""
    by_token = context.by_token
    found = _Phrases()
    between = between_phrase(token)
    occurring_between = between_phrase(verb) if (verb := occurring_verb(token)) is not None else None
    if token.pos_ == "NOUN" and between is not None and enabled("role:between"):
        # "welcomed the talks between the two countries": the parties the noun names take part, not the welcomer
        head, named, paths = token, [between, *prep_phrase(between)], ("role:between",)
    elif (token.pos_ == "VERB" and between is not None and enabled("role:between") and token.dep_ not in ("acl", "relcl")
          and any(c.dep_ == "auxpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children)):
        # "a truce was signed between the Pokot and the Marakwet": a passive clause with no agent is done by its
        # parties (not one describing a noun: "the issues being discussed between the parties")
        head, named, paths = token, [between, *prep_phrase(between)], ("role:between",)
    elif occurring_between is not None and enabled("role:between"):
        # "clashes erupted between the army and the rebels": the verb of occurring carries the noun's parties
        head, named, paths = token, [occurring_between, *prep_phrase(occurring_between)], ("role:occurring_noun", "role:between")
    else:
        head, named, paths = actor_clause(token)
    # "Azerbaijan is set to release": the subject of a passive the trigger complements does the trigger's act
    passive = any(c.dep_ == "nsubjpass" for c in head.children) and same_clause(token, head)
    if named is not None:
        found.add_subject(paths, named)
    for child in head.children:
        if child.dep_ in rule("role:subject").deps and named is None and enabled("role:subject"):  # "Russia accused Azerbaijan of violating": not Russia
            subject_paths = (*paths, "role:subject")
            if child.lower_ in rule("role:relative_antecedent").words and head.dep_ == "relcl" and enabled("role:relative_antecedent"):
                child, subject_paths = head.head, (*paths, "role:relative_antecedent")  # "the United States, which commended"
            if passive:
                found.add_object("role:subject", core(child))
            else:
                found.add_subject(subject_paths, core(child))
        if child.dep_ == "agent" and passive and enabled("role:agent"):  # "killed by Azerbaijani fire near Jermuk": not Jermuk
            found.add_subject((*paths, "role:agent"), agent_phrase(child, by_token))
    agents = [child for child in token.children if child.dep_ == "agent"]
    if passive and not agents and head.i == token.i and enabled("role:casualty_cause"):
        found.add_subject(("role:casualty_cause",), casualty_cause(token, event_type))
    if agents and head.i != token.i and named is None and enabled("role:participle_agent"):
        # "Azerbaijan, urged by Turkey,", "the deal mediated by Georgia": the participle's own agent acts on the phrase it describes
        found.add_subject(("role:participle_agent",), [t for agent in agents for t in prep_phrase(agent)])
        if token.dep_ == "acl":
            found.add_object("role:participle_agent", core(token.head))
    if token.pos_ == "NOUN" and enabled("role:noun_owner"):
        owner = rule("role:noun_owner")
        # "mediation efforts by the Russian Federation": the noun a compound event names takes its "by"
        compound_by = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "by"] if token.dep_ == "compound" else []
        for child in [*token.children, *compound_by]:
            if child.dep_ in owner.deps:
                found.add_subject(("role:noun_owner",), list(child.subtree))
            if child.dep_ == "prep" and child.lower_ == "from" and event_type in owner.map["from_types"]:
                found.add_subject(("role:noun_owner",), [child, *prep_phrase(child)])  # "on invitation from Putin", "a request from Baku"
            if child.dep_ == "prep" and child.lower_ in ("of", "by"):
                # "the seizure of Artsakh", "the blockade of the corridor": an act done to someone takes
                # its patient with "of"; "the meeting of the leaders", "the refusal of Baku": its doer
                # (the phrase itself, not the clauses hung on it: "between the two countries held ... in Washington")
                phrase = [child, *prep_phrase(child)]
                if child.lower_ == "of" and event_type in owner.types:
                    found.add_object("role:noun_owner", phrase)
                else:
                    found.add_subject(("role:noun_owner",), phrase)
    if token.pos_ == "NOUN" and not found.subject and enabled("role:counterpart"):
        # "following a meeting with his Kazakh counterpart": the one whose counterpart it is took part
        found.add_subject(("role:counterpart",), [owner for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "with"
                                                  for partner in prep.children if partner.dep_ == "pobj" and partner.lemma_.lower() in rule("role:counterpart").words
                                                  for owner in partner.children if owner.dep_ == "poss"])
    if enabled("role:small_clause") and (judgement := small_clause(token)) is not None:
        found.add_object("role:small_clause", core(judgement[0]))
    objects, target_preps = rule("role:object").deps, rule("role:target_prep").words
    for child in token.children:
        if child.dep_ in objects and enabled("role:object"):
            found.add_object("role:object", object_phrase(child, by_token))
        elif child.dep_ in ("prep", "prt") and child.lower_ in target_preps and enabled("role:target_prep"):
            # "talks on the sidelines of the summit in Granada": the phrase, not the places hung on it
            found.add_object("role:target_prep", prep_phrase(child))
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and match_trigger(token.head) is None and enabled("role:light_verb"):
        # "held talks with Aliyev": the partners the verb a noun event is the object of names
        found.add_object("role:light_verb", [t for c in token.head.children if c.dep_ == "prep" and c.lower_ in rule("role:light_verb").words
                                             for t in prep_phrase(c)])
    return _resolved(found, token, event_type, context)


def _resolved(found: _Phrases, token: Token, event_type: str, context: ArticleContext) -> Roles:
    """The entity ids the phrases name, else the ones a subject refers to; an office holder or group
    leader the subject names first; the states the actors' bodies act for; the paths that gave each side."""
    by_token = context.by_token
    homes = home_places(found.subject_tokens, by_token) if enabled("role:home_place") else set()
    subject_tokens = [t for t in found.subject_tokens if t.i not in homes]
    actors = entity_ids(subject_tokens, by_token)
    paths = [p for p_list, tokens in found.subject if entity_ids([t for t in tokens if t.i not in homes], by_token) for p in p_list]
    if not actors and enabled("role:referred") and (actors := referred_actors(subject_tokens, context)):
        paths = [p for p_list, _ in found.subject for p in p_list] + ["role:referred"]
    if enabled("role:owner_state") and (owned := owner_state(subject_tokens, by_token)) is not None:
        # "Mr Erdogan's government sent": the government of the person's state acts, not the person
        actors, paths = [owned[1] if a == owned[0] else a for a in actors], [*paths, "role:owner_state"]
    holder, path = None, None
    if enabled("role:office_holder") and (person := office_holder_of(subject_tokens, context)):
        holder, path = person, "role:office_holder"
    elif enabled("role:group_leader") and (person := group_leader(subject_tokens, context)):
        holder, path = person, "role:group_leader"
    if holder and holder not in actors:
        actors, paths = [holder, *actors], [*paths, path]
    if not actors and enabled("role:polity_body") and (polity := polity_of_body(found.subject, by_token)):
        # "the authorities in Artsakh capitulated": a state body of a polity the phrase names is that polity
        actors, paths = [polity[1]], [*polity[0], "role:polity_body"]
    if not actors and enabled("role:generic_actor"):
        # "protesters rallied", "unidentified gunmen attacked": no one named, a generic actor (ACLED's)
        generic = next(((p_list, found_id) for p_list, tokens in found.subject if (found_id := generic_actor(tokens, event_type, context))), None)
        if generic is not None:
            home = ["role:home_place"] if homes else []
            actors, paths = [generic[1]], [*generic[0], *home, "role:generic_actor"]
    if not actors and enabled("role:protest_default") and (protesters := default_actor(token, event_type, context)):
        actors, paths = [protesters], ["role:protest_default"]
    actors, represented = context.with_states(actors)
    # "accused the former": the object names its target by position
    placed = object_places(found.object_tokens, token, by_token) if enabled("role:object_place") else set()
    # each object phrase with the entities it names, less the places that only say where
    objects = [(path, tokens, entity_ids([t for t in tokens if t.i not in placed], by_token)) for path, tokens in found.objects]
    object_tokens = [t for t in found.object_tokens if t.i not in placed]
    ordinal = [t for tok in object_tokens if tok.lower_ in ("latter", "former") for t in referred_by(tok, context)]
    targets = [t for t in context.with_states(entity_ids(object_tokens, by_token) + ordinal)[0] if t not in actors]
    paths += [path for path, _, named in objects if set(named) - set(actors)]
    if placed:
        paths.append("role:object_place")
    if enabled("role:generic_actor"):
        for path, tokens, named in objects:
            if not named and (generic := generic_actor(tokens, event_type, context)) and generic not in targets + actors:
                targets.append(generic)
                paths += [path, "role:generic_actor"]
    if not actors and occurring_noun(token):
        # no one named does it, yet it is reported, not recalled: gate:background_noun keeps it (and
        # role:violence_default may give it its attacker), so the rule that read it so is in rule_id
        paths = [*paths, "role:occurring_noun"]
    elif not actors and observed_noun(token):
        paths = [*paths, "role:observed_noun"]
    if not actors and not targets and enabled("role:reciprocal_default") and (parties := story_parties(token, context)):
        actors, paths = parties, [*paths, "role:reciprocal_default"]
    if not actors and not targets and enabled("role:violence_default") and (attacker := unidentified_attacker(token, event_type, context)):
        actors, paths = [attacker], [*paths, "role:violence_default"]
    return Roles(tuple(actors), tuple(targets), tuple(represented), tuple(dict.fromkeys(paths)))


def polity_of_body(subject: list[tuple[tuple[str, ...], list[Token]]], by_token: dict[int, EntityMention]) -> tuple[tuple[str, ...], str] | None:
    """(paths, polity) where a subject is a generic noun of a state sector (not a local one: the
    authorities, the government, the army) whose in- or of-phrase names a polity, a country or a
    de-facto state ("the authorities in Artsakh"); a town's authorities are its local government."""
    for paths, tokens in subject:
        for head in (t for t in tokens if t.head not in tokens or t.head.i == t.i):
            sector = noun_sector(head)
            if sector is None or sectors()[sector].local:
                continue
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in rule("role:polity_body").words:
                    found = next((m.entity_id for t in prep_phrase(prep) if (m := by_token.get(t.i)) and m.entity_id in polities()), None)
                    if found:
                        return paths, found
    return None


def owner_state(subject_tokens: list[Token], by_token: dict[int, EntityMention]) -> tuple[str, str] | None:
    """(person, state) where the subject is a state body a named person owns ("Mr Erdogan's government",
    "Aliyev's administration": role:owner_state's words), and the knowledge base knows the person's state."""
    for tok in subject_tokens:
        if tok.lemma_.lower() not in state_body_words() | rule("role:owner_state").words:
            continue
        for owner in (c for c in tok.children if c.dep_ == "poss"):
            mention = by_token.get(owner.i)
            if mention is not None and mention.label == "PERSON" and (state := home_state(mention.entity_id)):
                return mention.entity_id, state
    return None


def object_phrase(obj: Token, by_token: dict[int, EntityMention]) -> list[Token]:
    """An object with all it governs, less a name the parser hung on it that is the subject of the
    next clause ("returned four soldiers and Turkey will return two": Turkey returns, is not returned)."""
    tokens = list(obj.subtree)
    claimed: set[int] = set()
    for tok in tokens:
        mention = by_token.get(tok.i)
        if tok.dep_ != "conj" or mention is None or mention.token_end >= len(tok.doc):
            continue
        after = tok.doc[mention.token_end]
        if after.dep_ in ("aux", "auxpass") and (stray := repaired_subject(after.head)) and any(t.i == tok.i for t in stray[1]):
            claimed.update(range(mention.token_start, mention.token_end))
    return [t for t in tokens if t.i not in claimed]
