import { TableLoading } from "@/components/directory-people/table-loading";

export default function Loading() {
  return <TableLoading label="Loading group mappings" />;
}
