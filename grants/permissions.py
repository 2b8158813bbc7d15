"""Who may do what with applications: pure functions of (user, object)."""


def can_view_application(user, application):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm("grants.view_application"):
        return True
    return user.has_perm("grants.score_application") and application.assignments.filter(expert=user).exists()


def can_score(user, assignment):
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("grants.score_application")
        and assignment.expert_id == user.pk
    )


def can_list_reviews(user):
    return user.is_authenticated and user.has_perm("grants.score_application")
