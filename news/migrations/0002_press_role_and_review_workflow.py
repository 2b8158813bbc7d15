"""What the Press group may do, and an optional review workflow, in every database.

Press: pages (add, change, publish) granted on the root of the page tree, so that it
holds whatever pages the demo or editors create later; ``news/permissions.py`` (admin
hooks) narrows that to news and standard pages. Images and documents: add, change,
choose in the root collection. Translations: submit for translation. Nothing else
(no snippets, no settings, no users, no CRM).

Review: Wagtail's default "Moderators approval" workflow (its "Moderators" group is
not one of this site's roles) is switched off and the root gets "News review" instead,
off until a coordinator switches it on in Settings → Workflows; while it is on, press
staff submit for review and a coordinator approves. Coordinators may edit workflows.
"""

from django.db import migrations

PRESS = "Press"
COORDINATORS = "Coordinators"
REVIEW = "News review"
PAGE_ACTIONS = ["add", "change", "publish"]
MEDIA = [("wagtailimages", "image"), ("wagtaildocs", "document")]


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    press, _ = Group.objects.get_or_create(name=PRESS)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for action in PAGE_ACTIONS:
            permission = _permission(apps, "wagtailcore", "page", f"{action}_page", f"Can {action} page")
            GroupPagePermission.objects.get_or_create(group=press, page=root, permission=permission)

    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for app_label, model in MEDIA:
            for action in ("add", "change", "choose"):
                permission = _permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
                GroupCollectionPermission.objects.get_or_create(
                    group=press, collection=collection, permission=permission
                )

    press.permissions.add(
        _permission(apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations")
    )
    for codename in ("change_workflow", "change_task"):
        model = codename.split("_", 1)[1]
        coordinators.permissions.add(_permission(apps, "wagtailcore", model, codename, f"Can change {model}"))

    _review_workflow(apps, root, coordinators)


def _review_workflow(apps, root, coordinators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    if root is None:
        return
    Workflow.objects.filter(name="Moderators approval", workflow_pages__page=root).update(active=False)
    workflow, created = Workflow.objects.get_or_create(name=REVIEW, defaults={"active": False})
    if created:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name="Coordinator approval", content_type=task_type, active=True)
        task.groups.add(coordinators)
        WorkflowTask.objects.create(workflow=workflow, task=Task.objects.get(pk=task.pk), sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    press = Group.objects.filter(name=PRESS).first()
    if press is not None:
        GroupPagePermission.objects.filter(group=press).delete()
        GroupCollectionPermission.objects.filter(group=press).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=REVIEW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("home", "0003_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
