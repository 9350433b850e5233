import { Alert, Button, Group, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ApiError } from "../api/errors";
import { PageLoader } from "./PageLoader";

interface QueryStateProps<T> {
  readonly query: UseQueryResult<T>;
  /** Whether the loaded data has nothing to show (then `empty` is shown instead). */
  readonly isEmpty?: (data: T) => boolean;
  readonly empty?: ReactNode;
  readonly children: (data: T) => ReactNode;
}

/** The loading, error and empty states every page shares, around what it shows when loaded. */
export function QueryState<T>({ query, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(query.data) === true) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {empty ?? "Nothing here yet."}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.userMessage : "Something went wrong.";
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert color="red" title="Could not load this" role="alert">
      <Text size="sm">{errorMessage(error)}</Text>
      {onRetry === undefined ? null : (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            Retry
          </Button>
        </Group>
      )}
    </Alert>
  );
}
