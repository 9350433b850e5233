import {
  Alert,
  Anchor,
  Button,
  Divider,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/errors";
import { useLogin } from "../../api/session";
import { errorMessage } from "../../components/QueryState";
import { AuthCard } from "../AuthCard";
import { fieldErrorsOf } from "../form-errors";
import { safeReturnPath } from "../paths";
import { ResendVerification } from "../ResendVerification";
import { usePageTitle, useSite } from "../site";

/** What a refused login means for the person, and what to do about it. */
function LoginRefusal({ error, email }: { error: unknown; email: string }) {
  const code = error instanceof ApiError ? error.code : "";
  if (code === "email_not_verified") {
    return (
      <Alert color="yellow" role="alert" title="Confirm your email first">
        <Stack gap="sm">
          <Text size="sm">
            Open the link in the email we sent when you signed up. Then log in here.
          </Text>
          <ResendVerification email={email} />
        </Stack>
      </Alert>
    );
  }
  if (code === "account_locked") {
    return (
      <Alert color="red" role="alert" title="Your account is locked for now">
        <Text size="sm">{errorMessage(error)}</Text>
        <Text size="sm" mt="xs">
          Wait and try again, or{" "}
          <Anchor component={Link} to="/forgot-password" underline="always">
            set a new password
          </Anchor>{" "}
          to unlock it at once.
        </Text>
      </Alert>
    );
  }
  if (code === "account_inactive") {
    return (
      <Alert color="red" role="alert" title="This account is deactivated">
        <Text size="sm">Contact the site's support to have it reactivated.</Text>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" title="Could not log in">
      <Text size="sm">
        {code === "invalid_credentials" ? "The email or password is wrong." : errorMessage(error)}
      </Text>
    </Alert>
  );
}

export function LoginPage() {
  usePageTitle("Log in");
  const site = useSite();
  const login = useLogin();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: {
      email: (value) => (value.includes("@") ? null : "Enter your email address."),
      password: (value) => (value === "" ? "Enter your password." : null),
    },
  });
  const submit = form.onSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(safeReturnPath(search.get("next")), { replace: true }),
        onError: (error) => form.setErrors(fieldErrorsOf(error)),
      },
    );
  });
  const failure =
    login.error instanceof ApiError && login.error.fieldErrors.length > 0 ? null : login.error;
  return (
    <AuthCard title={site.data === undefined ? "Log in" : `Log in to ${site.data.name}`}>
      <Stack>
        {search.has("signed_out") && failure === null ? (
          <Alert color="green" title="You are logged out" />
        ) : null}
        {search.has("reset") && failure === null ? (
          <Alert color="green" title="Your new password is set: log in with it." />
        ) : null}
        {/* Outside the form: the unverified message holds a form of its own. */}
        {failure === null ? null : <LoginRefusal error={failure} email={form.values.email} />}
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps("email")}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps("password")}
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              Log in
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
              Forgot your password?
            </Anchor>
            <Divider />
            <Text size="sm" ta="center">
              No account yet?{" "}
              <Anchor component={Link} to="/register" underline="always">
                Sign up
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Stack>
    </AuthCard>
  );
}
