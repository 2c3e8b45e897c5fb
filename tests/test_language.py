import pytest

from caucasus_nlp.language import detect_language


@pytest.mark.parametrize(
    "text, code",
    [
        ("Armenia and Azerbaijan said in a joint statement on Thursday that they would exchange prisoners of war.", "en"),
        # English crowded with names: the n-gram detector is unsure, the text is kept
        ("Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Brussels.", "en"),
        ("Yerevan, Baku, Stepanakert", "en"),
        ("Премьер-министр Армении Никол Пашинян встретился с президентом Азербайджана в Брюсселе. Стороны обсудили мирный договор.", "ru"),
        ("Azərbaycan və Ermənistan birgə bəyanatda hərbi əsirlərin mübadiləsi barədə razılığa gəldiklərini bildiriblər.", "az"),
        ("Der armenische Ministerpräsident traf den aserbaidschanischen Präsidenten in Brüssel. Die Gespräche dauerten drei Stunden.", "de"),
        ("Le Premier ministre arménien a rencontré le président azerbaïdjanais à Bruxelles.", "fr"),
        ("ՀՀ վարչապետ Նիկոլ Փաշինյանը հանդիպեց Ադրբեջանի նախագահի հետ", "hy"),
    ],
)
def test_language_of_article_text(text, code):
    assert detect_language(text).code == code


def test_english_decided_by_function_words_says_so():
    guess = detect_language("The talks were held in Brussels and the ministers said that the next round is planned for May.")
    assert (guess.code, guess.method, guess.is_english) == ("en", "function_words", True)
