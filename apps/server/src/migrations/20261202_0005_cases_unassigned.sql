-- "Unassigned in my teams" is the queue agents watch all day: give it its own small index.
create index cases_unassigned_team_status_created on cases (team_id, status, created_at, id) where assignee_id is null;
