insert into types values (1, 'cat'), (2, 'dog'), (3, 'lizard'), (4, 'snake'), (5, 'bird'), (6, 'hamster');
insert into owners (first_name, last_name, address, city, telephone) values
  ('Ada', 'Marsh', '12 Harbour Row', 'Leeds', '6085551023'),
  ('Bram', 'Okafor', '7 Mill Lane', 'Utrecht', '6085551749'),
  ('Carla', 'Nunes', '311 Rua Alta', 'Porto', '6085553198'),
  ('Dev', 'Raman', '45 Lake Road', 'Pune', '6085552765'),
  ('Edith', 'Berg', '2 Strandvej', 'Aarhus', '6085552654'),
  ('Femi', 'Adeyemi', '88 Broad Street', 'Lagos', '6085555387'),
  ('Greta', 'Holm', '19 Kungsgatan', 'Uppsala', '6085557683'),
  ('Hiro', 'Tanaka', '5-3 Sakura Dori', 'Sendai', '6085559435'),
  ('Ines', 'Moreau', '40 Rue Neuve', 'Lyon', '6085555487'),
  ('Jonas', 'Keller', '3 Bergstrasse', 'Basel', '6085555765');
insert into pets (name, birth_date, type_id, owner_id) values
  ('Pepper', '2020-09-07', 1, 1), ('Biscuit', '2022-08-06', 6, 2), ('Rocky', '2021-04-17', 2, 3),
  ('Juno', '2020-03-07', 2, 3), ('Quill', '2020-11-30', 3, 4), ('Otto', '2020-01-20', 4, 5),
  ('Kiwi', '2022-09-04', 5, 6), ('Milo', '2021-08-06', 1, 7), ('Nova', '2022-04-07', 1, 8),
  ('Bolt', '2023-06-08', 2, 9), ('Luna', '2020-11-30', 2, 10), ('Sage', '2021-01-20', 4, 10),
  ('Tux', '2022-09-04', 1, 10);
insert into visits (pet_id, visit_date, description) values
  (8, '2024-03-04', 'rabies shot'), (9, '2024-03-04', 'rabies shot'), (9, '2024-06-04', 'neutered'),
  (8, '2024-09-04', 'spayed');
