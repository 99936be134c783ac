"""Organiser pages beyond the statements (results, wijkagenda, Polis), for the rules test."""



def extra_pages(agenda, statement) -> list[tuple[str, str, dict]]:
    return []
