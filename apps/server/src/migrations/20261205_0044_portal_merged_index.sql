-- The portal reads a request's conversation together with the cases merged into it; finding those
-- must not scan every case. Few cases are merged, so the index is partial and small.
create index cases_merged_into_idx on cases (merged_into_id) where merged_into_id is not null;
