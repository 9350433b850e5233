import { Badge, Button, Group } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { api, call, type OkJson } from "../api/client";
import { ConfirmButton } from "../components/ConfirmButton";
import { notifyError, notifySuccess } from "../components/notify";

export type AdminUser = OkJson<"getUser">;

export function isLocked(user: AdminUser): boolean {
  return user.locked_until !== null && new Date(user.locked_until) > new Date();
}

/** Active, staff, unverified, locked: the user's state at a glance. */
export function UserStatusBadges({ user }: { user: AdminUser }) {
  return (
    <Group gap={4}>
      <Badge variant="light" color={user.is_active ? "green" : "gray"}>
        {user.is_active ? "active" : "inactive"}
      </Badge>
      {user.is_staff ? <Badge variant="light">staff</Badge> : null}
      {user.email_verified_at === null ? (
        <Badge variant="light" color="yellow">
          unverified
        </Badge>
      ) : null}
      {isLocked(user) ? (
        <Badge variant="light" color="red">
          locked
        </Badge>
      ) : null}
    </Group>
  );
}

/** Activate/deactivate, make/unmake staff, unlock: for the list and the detail page. */
export function UserActions({ user }: { user: AdminUser }) {
  const client = useQueryClient();
  const run = async (change: () => Promise<unknown>, done: string, failed: string) => {
    try {
      await change();
    } catch (error) {
      notifyError(error, failed);
      throw error;
    }
    notifySuccess(done);
    await client.invalidateQueries({ queryKey: ["admin", "users"] });
  };
  const update = (body: { is_active?: boolean; is_staff?: boolean }) => () =>
    call(api.PATCH("/api/admin/users/{id}", { params: { path: { id: user.id } }, body }));
  const locked = isLocked(user);
  return (
    <Group gap="xs" wrap="wrap">
      <ConfirmButton
        title={user.is_active ? "Deactivate this user?" : "Activate this user?"}
        message={
          user.is_active
            ? `${user.email} is signed out everywhere and their API tokens stop working at once.`
            : `${user.email} can sign in and use their API tokens again.`
        }
        confirmLabel={user.is_active ? "Deactivate" : "Activate"}
        color={user.is_active ? "red" : "green"}
        onConfirm={() =>
          run(
            update({ is_active: !user.is_active }),
            `${user.email} ${user.is_active ? "deactivated" : "activated"}.`,
            "Could not change the user",
          )
        }
      >
        {user.is_active ? "Deactivate" : "Activate"}
      </ConfirmButton>
      <ConfirmButton
        title={user.is_staff ? "Remove staff?" : "Make staff?"}
        message={
          user.is_staff
            ? `${user.email} loses access to the admin.`
            : `${user.email} gets full access to the admin and every account.`
        }
        confirmLabel={user.is_staff ? "Remove staff" : "Make staff"}
        color={user.is_staff ? "red" : "indigo"}
        onConfirm={() =>
          run(
            update({ is_staff: !user.is_staff }),
            `${user.email} is ${user.is_staff ? "no longer" : "now"} staff.`,
            "Could not change the user",
          )
        }
      >
        {user.is_staff ? "Remove staff" : "Make staff"}
      </ConfirmButton>
      {locked ? (
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            void run(
              () =>
                call(
                  api.POST("/api/admin/users/{id}/unlock", { params: { path: { id: user.id } } }),
                ),
              `${user.email} unlocked.`,
              "Could not unlock the user",
            ).catch(() => undefined)
          }
        >
          Unlock
        </Button>
      ) : null}
    </Group>
  );
}
