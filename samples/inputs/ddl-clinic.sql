-- A clinic's research database (PostgreSQL). Invented schema for kojin samples, shaped like the
-- OMOP common data model: in a file of diagnoses and drugs, a visit is a hospital visit.
CREATE TABLE person (
  person_id integer NOT NULL,
  gender_concept_id integer,
  year_of_birth integer,
  person_source_value varchar(50)
);
CREATE TABLE condition_occurrence (
  condition_occurrence_id integer NOT NULL,
  person_id integer NOT NULL,
  diagnosis_code varchar(20),
  condition_start_date date
);
CREATE TABLE drug_exposure (
  drug_exposure_id integer NOT NULL,
  person_id integer NOT NULL,
  prescription_name varchar(200),
  route_source_value varchar(50),
  quantity numeric
);
CREATE TABLE visit_occurrence (
  visit_occurrence_id integer NOT NULL,
  person_id integer NOT NULL,
  visit_start_date date,
  visit_end_date date,
  care_site_id integer
);
CREATE TABLE death (
  person_id integer NOT NULL,
  death_date date,
  cause_concept_id integer
);
