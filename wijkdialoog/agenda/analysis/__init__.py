"""The wijkagenda's analysis: Polis's math on a sparse vote matrix, without Django.

    result = analyse(voters, statements, values, moderated_out=..., meta=...)
    result.to_json()  # stored in Analysis.result

Modules: matrix (the sparse vote matrix), pca (the opinion map with Polis's sparsity-aware
scaling), clustering (opinion groups), stats and repness (consensus, representative and divisive
statements), export (the JSON form).
"""

from .result import MIN_VOTES, Result, analyse

__all__ = ["MIN_VOTES", "Result", "analyse"]
