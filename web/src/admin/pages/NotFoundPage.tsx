import { Anchor, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePageTitle } from "../usePageTitle";

export function NotFoundPage() {
  usePageTitle("Not found");
  return (
    <>
      <Title order={1}>Page not found</Title>
      <Text mt="sm">
        There is no admin page here.{" "}
        <Anchor component={Link} to="/admin/">
          Go to the dashboard
        </Anchor>
        .
      </Text>
    </>
  );
}
