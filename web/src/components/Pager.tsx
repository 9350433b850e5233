import { Group, Pagination, Text } from "@mantine/core";
import { pageCount } from "../api/pagination";

interface PagerProps {
  readonly count: number;
  readonly page: number;
  readonly onChange: (page: number) => void;
}

/** Server-side pages of 25: the total and the page links. */
export function Pager({ count, page, onChange }: PagerProps) {
  const total = pageCount(count);
  return (
    <Group justify="space-between" mt="md" wrap="wrap">
      <Text size="sm" c="dimmed">
        {count} {count === 1 ? "item" : "items"}
      </Text>
      {total > 1 ? (
        <Pagination
          total={total}
          value={Math.min(page, total)}
          onChange={onChange}
          size="sm"
          getControlProps={(control) => ({
            "aria-label": control === "previous" ? "Previous page" : "Next page",
          })}
          getItemProps={(item) => ({ "aria-label": `Page ${item}` })}
        />
      ) : null}
    </Group>
  );
}
