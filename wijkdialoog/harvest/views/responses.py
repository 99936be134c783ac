"""The answers the capture script reads: 201 for a new card, 200 for one saved before (the
script stops sending it either way), 400 with the errors for a card that cannot be saved."""

from django.http import JsonResponse


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def card_saved_response(card, created: bool) -> JsonResponse:
    return JsonResponse(
        {"client_id": str(card.client_id), "saved": True, "created": created},
        status=201 if created else 200,
    )


def invalid_card_response(request, *, form=None, errors=None) -> JsonResponse:
    if form is not None:
        errors = {
            name: [error["message"] for error in field_errors]
            for name, field_errors in form.errors.get_json_data().items()
        }
    return JsonResponse(
        {"client_id": request.POST.get("client_id", ""), "saved": False, "errors": errors or {}},
        status=400,
    )


def rate_limited_response(request) -> JsonResponse:
    return JsonResponse(
        {"client_id": request.POST.get("client_id", ""), "saved": False}, status=429
    )
