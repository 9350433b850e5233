import {
  Alert,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/errors";
import { errorMessage } from "../components/QueryState";
import { safeReturnPath } from "./paths";
import { useLogin } from "../api/session";
import { usePageTitle } from "./usePageTitle";

export function LoginPage() {
  usePageTitle("Log in");
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
    login.mutate(values, {
      onSuccess: () => void navigate(safeReturnPath(search.get("next")), { replace: true }),
      onError: (error) => {
        if (error instanceof ApiError) form.setErrors(error.messagesByField);
      },
    });
  });
  const failure =
    login.error instanceof ApiError && login.error.fieldErrors.length > 0 ? null : login.error;
  return (
    <Container size={420} py={48} component="main">
      <Title order={1} ta="center" mb="lg">
        Tollgate admin
      </Title>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            {failure === null ? null : (
              <Alert color="red" role="alert" title="Could not log in">
                {errorMessage(failure)}
              </Alert>
            )}
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
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
