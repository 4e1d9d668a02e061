//! Closed vocabularies of the bundle format, each with its key as written in the data.

/// Defines an enum whose variants map one-to-one to the keys used in the data files.
macro_rules! key_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key as written in the data files.
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// Parses a key; `None` when it is not one of [`Self::ALL`].
            pub fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }

            /// The keys joined for error messages.
            pub fn keys() -> String {
                Self::ALL.iter().map(|v| v.key()).collect::<Vec<_>>().join(", ")
            }

            /// CSS modifier class, e.g. `green_space` → `green-space`.
            pub fn as_class(self) -> String {
                self.key().replace('_', "-")
            }
        }
    };
}

key_enum!(
    /// Kind of a layer in the manifest.
    LayerKind {
        /// River, water, roads, boundary.
        Context = "context",
        /// Planning zones.
        Zones = "zones",
        /// Sponge-city waterfront segments.
        Waterfront = "waterfront",
        /// Greenway segments.
        Greenway = "greenway",
        /// Points of interest.
        Pois = "pois",
        /// Companies.
        Companies = "companies",
        /// Sites on offer: land parcels and space in buildings (loaded with the site finder, not
        /// with the map).
        Sites = "sites",
    }
);

impl LayerKind {
    /// True for the layers the map loads and draws as soon as it starts; false for `sites`, which
    /// are loaded with the site finder, never before the map is ready.
    pub fn loads_with_map(self) -> bool {
        self != LayerKind::Sites
    }

    /// The key (a digit) that moves keyboard focus into this layer's features on the map: the
    /// layers whose features open a panel, numbered in the legend's order; `None` for the context,
    /// which has none.
    ///
    /// ```
    /// use parkmap::model::LayerKind;
    /// assert_eq!(LayerKind::Companies.focus_key(), Some('5'));
    /// assert_eq!(LayerKind::for_focus_key("1"), Some(LayerKind::Zones));
    /// ```
    pub fn focus_key(self) -> Option<char> {
        match self {
            LayerKind::Context => None,
            LayerKind::Zones => Some('1'),
            LayerKind::Waterfront => Some('2'),
            LayerKind::Greenway => Some('3'),
            LayerKind::Pois => Some('4'),
            LayerKind::Companies => Some('5'),
            LayerKind::Sites => Some('6'),
        }
    }

    /// The layer whose [`Self::focus_key`] is `key` (as `KeyboardEvent.key` names it).
    pub fn for_focus_key(key: &str) -> Option<LayerKind> {
        let mut chars = key.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return None };
        LayerKind::ALL.iter().copied().find(|k| k.focus_key() == Some(c))
    }
}

key_enum!(
    /// Planning category of a zone.
    ZoneCategory {
        /// Industry cluster.
        Industry = "industry",
        /// Science and innovation headquarters.
        InnovationHq = "innovation_hq",
        /// City services and residential.
        CityServices = "city_services",
        /// Finance and modern services.
        FinanceServices = "finance_services",
        /// Parks and green space.
        GreenSpace = "green_space",
        /// Government and party-mass service centers.
        ServiceCenters = "service_centers",
        /// Anything else the data names (read leniently, reported as a note).
        Other = "other",
    }
);

key_enum!(
    /// Industry of a company.
    Industry {
        /// New-generation information technology / digital economy.
        DigitalEconomy = "digital_economy",
        /// New materials.
        NewMaterials = "new_materials",
        /// High-end equipment: robotics, satellites.
        HighEndEquipment = "high_end_equipment",
        /// Bio-economy.
        BioEconomy = "bio_economy",
        /// Modern services: finance, logistics, consulting.
        ModernServices = "modern_services",
        /// Anything else the data names (read leniently, reported as a note).
        Other = "other",
    }
);

key_enum!(
    /// Which trail network a segment belongs to.
    TrailKind {
        /// The greenway.
        Greenway = "greenway",
        /// The sponge-city waterfront.
        Waterfront = "waterfront",
    }
);

key_enum!(
    /// Trail surface.
    Surface {
        /// Asphalt.
        Asphalt = "asphalt",
        /// Gravel.
        Gravel = "gravel",
        /// Wooden boardwalk.
        Boardwalk = "boardwalk",
        /// Permeable paving (sponge city).
        PermeablePaving = "permeable_paving",
    }
);

key_enum!(
    /// Winter status of a trail segment.
    Winter {
        /// Groomed for winter walking.
        Groomed = "groomed",
        /// Open but not groomed.
        Open = "open",
        /// Closed in winter.
        Closed = "closed",
    }
);

key_enum!(
    /// Kind of point of interest.
    PoiKind {
        /// Park entrance.
        Entrance = "entrance",
        /// Car park.
        Parking = "parking",
        /// Public toilet.
        Toilet = "toilet",
        /// Bike rental.
        BikeRental = "bike_rental",
        /// Viewpoint.
        Viewpoint = "viewpoint",
        /// Heated stop of the warm corridor.
        WarmStation = "warm_station",
        /// Bus stop.
        BusStop = "bus_stop",
        /// Metro station.
        MetroStation = "metro_station",
        /// Government or party-mass service center.
        ServiceCenter = "service_center",
        /// Anything else (read leniently from unmapped OSM tags or kinds, reported as a note).
        Other = "other",
    }
);

key_enum!(
    /// Kind of context feature.
    ContextKind {
        /// The river.
        River = "river",
        /// Other water.
        Water = "water",
        /// A main road.
        Road = "road",
        /// The production and city-services axis.
        Axis = "axis",
        /// The park boundary.
        Boundary = "boundary",
        /// A feature whose kind the data does not say (read leniently, drawn in a neutral style,
        /// reported as a note): an area or a line by its geometry.
        Other = "other",
    }
);

impl ContextKind {
    /// True for kinds drawn as areas (`Other` is drawn as its geometry says).
    pub fn is_area(self) -> bool {
        matches!(self, ContextKind::River | ContextKind::Water | ContextKind::Boundary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_for_every_variant() {
        for &k in Industry::ALL {
            assert_eq!(Industry::from_key(k.key()), Some(k));
        }
        for &k in ZoneCategory::ALL {
            assert_eq!(ZoneCategory::from_key(k.key()), Some(k));
        }
        for &k in PoiKind::ALL {
            assert_eq!(PoiKind::from_key(k.key()), Some(k));
        }
        assert_eq!(Industry::from_key("Digital_Economy"), None);
        assert_eq!(ZoneCategory::GreenSpace.as_class(), "green-space");
    }

    #[test]
    fn every_layer_with_features_has_its_own_digit_and_the_digit_finds_it() {
        let keyed: Vec<(LayerKind, char)> =
            LayerKind::ALL.iter().filter_map(|&k| k.focus_key().map(|c| (k, c))).collect();
        assert_eq!(keyed.len(), LayerKind::ALL.len() - 1, "all but the context");
        for (kind, c) in &keyed {
            assert_eq!(LayerKind::for_focus_key(&c.to_string()), Some(*kind));
        }
        let mut digits: Vec<char> = keyed.iter().map(|(_, c)| *c).collect();
        digits.dedup();
        assert_eq!(digits, ['1', '2', '3', '4', '5', '6']);
        for not_a_layer in ["0", "7", "12", "", "+", "ArrowUp", "z"] {
            assert_eq!(LayerKind::for_focus_key(not_a_layer), None, "{not_a_layer:?}");
        }
    }
}
