import { Button, Group, Select, TextInput, type SelectProps } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";

interface Props {
  /** The form's accessible name, e.g. "Filter the credit ledger". */
  readonly label: string;
  readonly typeLabel: string;
  readonly types: readonly string[];
  readonly typeWidth: SelectProps["w"];
  readonly filters: { user: string; type: string };
  readonly setFilters: (changes: { user?: string; type?: string }) => void;
}

/**
 * A user id (applied with the button, as it is typed) and a type (applied when picked): the
 * filters of the staff journals (credits, security events), kept in the URL by the page.
 */
export function UserAndTypeFilter({
  label,
  typeLabel,
  types,
  typeWidth,
  filters,
  setFilters,
}: Props) {
  const [user, setUser] = useState(filters.user);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilters({ user: user.trim() });
  };
  return (
    <form onSubmit={submit} aria-label={label}>
      <Group align="flex-end" mb="md" wrap="wrap">
        <TextInput
          label="User id"
          placeholder="From the user's page"
          value={user}
          onChange={(event) => setUser(event.currentTarget.value)}
          w={{ base: "100%", xs: 340 }}
        />
        <Select
          label={typeLabel}
          placeholder="Any"
          data={[...types]}
          value={filters.type === "" ? null : filters.type}
          onChange={(value) => setFilters({ type: value ?? "" })}
          clearable
          w={typeWidth}
        />
        <Button type="submit">Apply</Button>
      </Group>
    </form>
  );
}
